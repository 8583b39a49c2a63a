// World: the feed of public jams, newest first, with infinite scroll; tap a picture to play the jam
// with all its layers; reply, thread view, instrument filter, WAV and MIDI downloads.
import * as api from './api.js';
import * as csv from './csv.js';
import { unlock } from './audio.js';
import { Player } from './player.js';
import { INSTRUMENTS } from './instruments.js';
import { render, wav, download } from './render.js';
import { replyTo } from './jam.js';
import { el, screen, timeAgo, toast, avatarSrc, count } from './ui.js';

let current = null; // the jam playing now: one at a time, as in the original app

export function stopWorld() {
  if (current) current.dispose();
  current = null;
}

export function showWorld(instrument = '') {
  const list = el('div', { class: 'cards', id: 'feed' });
  const sentinel = el('p', { class: 'hint', id: 'feed-end', text: 'Loading…' });
  const filter = el('select', { id: 'filter', 'aria-label': 'Filter by instrument', onchange: (e) => showWorld(e.target.value) },
    el('option', { value: '' }, 'All instruments'), INSTRUMENTS.map((i) => el('option', { value: i, selected: i === instrument }, i)));
  screen('World', el('div', { class: 'row' }, filter), list, sentinel);
  let cursor = null, done = false, loading = false;
  const more = async () => {
    if (loading || done) return;
    loading = true;
    try {
      const page = await api.get(`/api/performances?limit=10${instrument ? '&instrument=' + instrument : ''}${cursor ? '&before=' + cursor : ''}`);
      list.append(...page.items.map(card));
      cursor = page.nextCursor;
      done = !cursor;
      sentinel.textContent = done ? (list.children.length ? 'That is everything.' : 'Nothing here yet: make the first jam!') : '';
    } catch (error) {
      sentinel.textContent = `Cannot load the feed: ${error.message}`;
    } finally {
      loading = false;
    }
  };
  new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) more(); }).observe(sentinel);
  more();
}

export function card(item) {
  const picture = el('button', { class: 'picture', 'aria-label': `Play ${item.stageName}'s jam (${count(item.layerCount, 'layer')})`, onclick: () => playJam(item.id) },
    el('img', { src: item.pictureUrl, alt: `Picture of ${item.stageName}'s performance`, loading: 'lazy', width: '512', height: '512' }));
  const robot = item.robot ? ' · made by the AI' : '';
  return el('article', { class: 'card', dataset: { id: item.id } }, picture,
    el('div', { class: 'meta' },
      el('img', { class: 'avatar', src: avatarSrc(item.avatarUrl), alt: '' }),
      el('div', { class: 'who' },
        el('div', { class: item.robot ? 'name robo' : 'name', text: item.stageName }),
        el('div', { class: 'sub', text: `${item.instrument} · ${timeAgo(item.createdAt)} · ${item.replyCount} ${item.replyCount === 1 ? 'reply' : 'replies'} · ${item.layerCount} ${item.layerCount === 1 ? 'layer' : 'layers'}${robot}` }))),
    el('div', { class: 'row actions' },
      replyButton(item, 'reply'),
      el('a', { class: 'button thread', href: `#/thread/${item.id}` }, 'Thread'),
      el('button', { class: 'wav', onclick: () => downloadWav(item.id) }, 'WAV'),
      el('a', { class: 'button', href: `/api/performances/${item.id}.mid`, download: `microjam-${item.id}.mid` }, 'MIDI')));
}

export async function layersOf(id) {
  const performance = await api.get(`/api/performances/${id}`);
  return { performance, layers: performance.layers.map((l, i) => ({ key: l.id + i, label: l.stageName, instrument: l.instrument, colour: l.colour,
    touches: csv.read(l.touches), volume: 1, muted: false })) };
}

export async function playJam(id) {
  stopWorld();
  const ctx = unlock();
  try {
    const { layers } = await layersOf(id);
    current = new Player(ctx, layers, { onEnd: () => { document.body.dataset.playing = ''; } });
    document.body.dataset.playing = id;
    document.body.dataset.playingLayers = String(layers.length);
    current.start();
  } catch (error) {
    toast(`Cannot play it: ${error.message}`);
  }
}

// A jam that holds the most layers the server allows says so instead of offering a reply that would be refused.
function replyButton(item, className) {
  if (item.acceptsReplies === false)
    return el('button', { class: className, disabled: true, title: `This jam is full: ${item.layerCount} layers is the most a jam can hold` }, 'Jam full');
  return el('button', { class: className, onclick: () => reply(item.id) }, 'Reply');
}

async function reply(id) {
  stopWorld();
  try {
    replyTo(await api.get(`/api/performances/${id}`));
    location.hash = '#/jam';
  } catch (error) {
    toast(`Cannot reply: ${error.message}`);
  }
}

async function downloadWav(id) {
  const { layers } = await layersOf(id);
  download(wav(await render(layers)), `microjam-${id}.wav`);
}

export async function showThread(id) {
  try {
    const performance = await api.get(`/api/performances/${id}`);
    const replies = await api.get(`/api/performances/${id}/replies`);
    const layerCards = performance.layers.map((l) => el('li', { text: `${l.stageName} · ${l.instrument}` }));
    screen('Thread', el('h2', { text: 'This jam, newest layer first' }), el('ol', { id: 'thread-layers' }, layerCards),
      el('div', { class: 'row' }, el('button', { id: 'thread-play', onclick: () => playJam(id) }, `Play ${count(performance.layers.length, 'layer')}`),
        replyButton(performance)),
      el('h2', { text: `Replies (${replies.length})` }), el('div', { class: 'cards' }, replies.map(card)));
  } catch (error) {
    screen('Thread', el('p', { class: 'hint', text: error.status === 404 ? 'This performance was deleted.' : error.message }));
  }
}
