/**
 * Reads the extension's IndexedDB outbox from inside one of its own contexts (a Chromium service
 * worker, a Firefox extension page). Passed to `evaluate`, so it is serialised: it must use
 * nothing from outside its own body.
 */
export function readOutboxRecords(): Promise<{ state: string; report: Record<string, unknown> }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('behind-the-answer');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('reports').objectStore('reports').getAll();
      req.onsuccess = () => {
        resolve(req.result);
        db.close();
      };
      req.onerror = () => reject(req.error);
    };
  });
}
