import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The React test page as one HTML document with its script inline (React's development build). */
export async function reactPageHtml(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
    build: {
      write: false,
      minify: false,
      lib: { entry: join(dirname(fileURLToPath(import.meta.url)), 'app.ts'), formats: ['iife'], name: 'ChatApp' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  const chunk = (outputs[0] as { output: { type: string; code?: string }[] }).output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('The React test page did not build.');
  const code = chunk.code.replace(/<\/script/gi, '<\\/script');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Chat</title></head><body><div id="root"></div><script>${code}</script></body></html>`;
}
