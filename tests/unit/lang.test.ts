import { describe, expect, it } from 'vitest';
import { detectLang } from '../../lib/lang';

describe('detectLang', () => {
  it.each([
    ['en', 'The capital of France is Paris, which is known for the Eiffel Tower and its museums.'],
    ['es', 'La capital de Francia es París, conocida por la Torre Eiffel y por sus museos.'],
    ['fr', 'La capitale de la France est Paris, célèbre pour la tour Eiffel et ses musées.'],
    ['de', 'Die Hauptstadt von Frankreich ist Paris, bekannt für den Eiffelturm und seine Museen.'],
    ['pt', 'O Brasil é o maior país da América do Sul e tem uma grande diversidade cultural, com muitas cidades e paisagens diferentes.'],
    ['hi', 'फ्रांस की राजधानी पेरिस है, जो एफिल टावर और अपने संग्रहालयों के लिए जानी जाती है।'],
    ['sw', 'Mji mkuu wa Ufaransa ni Paris, ambao unajulikana kwa Mnara wa Eiffel na makumbusho yake.'],
    ['zh', '法国的首都是巴黎，以埃菲尔铁塔和众多博物馆而闻名。'],
    ['ja', 'フランスの首都はパリで、エッフェル塔や美術館で知られています。'],
  ])('%s', (lang, text) => {
    expect(detectLang(text)).toBe(lang);
  });

  it('says nothing about short text', () => {
    expect(detectLang('ok thanks')).toBeUndefined();
    expect(detectLang('')).toBeUndefined();
  });
});
