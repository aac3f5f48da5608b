/** The one-line outcome of a settings action: announced politely, or as an alert when it failed. */
export type Note = { text: string; error: boolean } | null;

export function Notice({ note }: { note: Note }) {
  if (!note) return null;
  return (
    <p class={note.error ? 'error' : 'muted'} role={note.error ? 'alert' : 'status'}>
      {note.text}
    </p>
  );
}
