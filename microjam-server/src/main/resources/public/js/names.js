// Ready-made stage names from syllables, as the original app offered: "Zuvo Kamira", "Tilo Mex".
const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'kr', 'tr', 'st', 'sh', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'oo'];
const CODAS = ['', '', '', 'n', 'x', 'r', 'l', 's'];

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const word = (syllables) => {
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS);
  w += pick(CODAS);
  return w[0].toUpperCase() + w.slice(1);
};

export const stageName = () => `${word(2)} ${word(1 + Math.floor(Math.random() * 2))}`;
