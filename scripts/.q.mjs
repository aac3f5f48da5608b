import { Window } from 'happy-dom';
import fs from 'node:fs';
const [file, ...sels] = process.argv.slice(2);
const w = new Window({ url: 'https://example.com/' , settings:{disableJavaScriptEvaluation:true, disableCSSFileLoading:true, disableJavaScriptFileLoading:true}});
w.document.write(fs.readFileSync(file,'utf8'));
for (const s of sels) {
  const els = [...w.document.querySelectorAll(s)];
  console.log(`${els.length}\t${s}`);
  for (const e of els.slice(0,14)) {
    const attrs = [...e.attributes].filter(a=>a.name!=='class' && a.name !== 'style').map(a=>`${a.name}=${a.value.slice(0,60)}`).join(' ');
    console.log(`   <${e.tagName.toLowerCase()} ${attrs}> ${e.textContent.replace(/\s+/g,' ').trim().slice(0,80)}`);
  }
}
await w.happyDOM.close();
