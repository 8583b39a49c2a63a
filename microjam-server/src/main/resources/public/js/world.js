// World: the feed of public jams, newest first, with infinite scroll; tap a picture to play the jam
// with all its layers (tap again to stop); reply, thread view, instrument filter, WAV and MIDI downloads;
// a performer's page with their public performances.
import * as api from './api.js';
import * as csv from './csv.js';
import { unlock } from './audio.js';
import { Player, CYCLE } from './player.js';
import { drawPictures } from './draw.js';
import { INSTRUMENTS } from './facts.js';
import { render, wav, download } from './render.js';
import { replyTo } from './jam.js';
import { el, screen, timeAgo, toast, avatarSrc, count } from './ui.js';

/** The side of a card's picture, as the server draws a layer's (PerformancePicture.SIZE). */
const PICTURE_SIDE = 512;
const ROBOJAM_CREDIT = 'RoboJam (AI)';
let current = null; // the jam playing now, { id, player }: one at a time, as in the original app
// The jams this screen fetched, by id: a card draws its whole jam from one, and playing it reuses it.
let jams = new Map();

export function stopWorld() {
  if (current?.player) current.player.dispose();
  current = null;
  document.body.dataset.playing = '';
  showPlaying(null);
}

export function showWorld(instrument = '') {
  const filter = el('select', { id: 'filter', 'aria-label': 'Filter by instrument', onchange: (e) => showWorld(e.target.value) },
    el('option', { value: '' }, 'All instruments'), INSTRUMENTS.map((i) => el('option', { value: i, selected: i === instrument }, i)));
  const { list, sentinel } = feed(instrument ? `instrument=${instrument}` : '', 'Nothing here yet: make the first jam!');
  screen('World', el('div', { class: 'row' }, filter), list, sentinel);
}

/** A performer's page: who they are and every public performance of theirs, newest first. */
export async function showPerformer(id) {
  try {
    const performer = await api.get(`/api/performers/${encodeURIComponent(id)}`);
    const { list, sentinel } = feed(`performer=${encodeURIComponent(id)}&view=all`, 'No public performances yet.');
    screen(performer.stageName, el('div', { class: 'meta' }, el('img', { class: 'avatar big', src: avatarSrc(performer.avatarUrl), alt: '' })),
      el('h2', { text: 'Public performances' }), list, sentinel);
  } catch (error) {
    screen('Performer', el('p', { class: 'hint', text: error.status === 404 ? 'This performer is no longer on MicroJam.' : error.message }));
  }
}

/** Watches the end of the feed on screen: one at a time, let go when the feed ends, another replaces it or the screen changes. */
let feedEnd = null;

export function stopFeed() {
  feedEnd?.disconnect();
  feedEnd = null;
}

/** A list of cards from GET /api/performances with this query, a page at a time as the end comes into view. */
function feed(query, empty) {
  jams = new Map();
  stopFeed();
  const list = el('div', { class: 'cards', id: 'feed' });
  const sentinel = el('p', { class: 'hint', id: 'feed-end', text: 'Loading…' });
  let cursor = null, done = false, loading = false;
  const more = async () => {
    if (loading || done) return;
    loading = true;
    try {
      const page = await api.get(`/api/performances?limit=10${query ? '&' + query : ''}${cursor ? '&before=' + cursor : ''}`);
      list.append(...page.items.map(card));
      cursor = page.nextCursor;
      done = !cursor;
      if (done) observer.disconnect();
      sentinel.textContent = done ? (list.children.length ? 'That is everything.' : empty) : '';
    } catch (error) {
      sentinel.textContent = `Cannot load the feed: ${error.message}`;
    } finally {
      loading = false;
    }
  };
  const observer = feedEnd = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) more(); });
  observer.observe(sentinel);
  more();
  return { list, sentinel };
}

function jamOf(id) {
  if (!jams.has(id)) jams.set(id, api.get(`/api/performances/${id}`).catch((error) => { jams.delete(id); throw error; }));
  return jams.get(id);
}

export function card(item) {
  const picture = el('button', { class: 'picture', 'aria-pressed': String(current?.id === item.id), 'aria-label': `Play ${item.stageName}'s jam (${count(item.layerCount, 'layer')})`,
    onclick: () => playJam(item.id) },
    el('img', { src: item.pictureUrl, alt: `Picture of ${item.stageName}'s performance`, loading: 'lazy', width: String(PICTURE_SIDE), height: String(PICTURE_SIDE) }));
  const name = el('div', { class: item.robot ? 'name with-robo' : 'name' }, credit(item));
  const avatars = el('div', { class: 'avatars' }, performerLink(item));
  const sub = el('div', { class: 'sub', text: `${item.instrument} · ${timeAgo(item.createdAt)} · ${count(item.replyCount, 'reply', 'replies')} · ${count(item.layerCount, 'layer')}` });
  const article = el('article', { class: 'card', dataset: { id: item.id } }, picture,
    el('div', { class: 'meta' }, avatars, el('div', { class: 'who' }, name, sub)),
    el('div', { class: 'row actions' },
      replyButton(item, 'reply'),
      el('a', { class: 'button thread', href: `#/thread/${item.id}` }, 'Thread'),
      el('button', { class: 'wav', onclick: () => downloadWav(item.id) }, 'WAV'),
      el('a', { class: 'button', href: `/api/performances/${item.id}.mid`, download: `microjam-${item.id}.mid` }, 'MIDI')));
  if (item.layerCount > 1) showWholeJam(item.id, picture, name, avatars);
  return article;
}

function credit(layer) {
  return layer.robot ? el('span', { class: 'robo', text: ROBOJAM_CREDIT }) : el('span', { text: layer.stageName });
}

function performerLink(layer) {
  return el('a', { class: 'performer', href: `#/performer/${layer.performerId}`, 'aria-label': `${layer.robot ? ROBOJAM_CREDIT : layer.stageName}'s page` },
    el('img', { class: 'avatar', src: avatarSrc(layer.avatarUrl), alt: '' }));
}

// A jam of several layers is shown whole, as the original did: every layer's picture stacked, oldest first, over
// the oldest one's background; and credited to everyone who played in it, the humans first (oldest first) and
// RoboJam last, so a kept RoboJam answer never hides the person it answered.
async function showWholeJam(id, picture, name, avatars) {
  let performance;
  try { performance = await jamOf(id); } catch { return; /* the newest layer's picture stays */ }
  const oldestFirst = performance.layers.toReversed();
  const canvas = el('canvas', { width: String(PICTURE_SIDE), height: String(PICTURE_SIDE), role: 'img',
    'aria-label': `Picture of the jam: ${count(oldestFirst.length, 'layer')}` });
  const g = canvas.getContext('2d');
  g.fillStyle = oldestFirst[0].background;
  g.fillRect(0, 0, PICTURE_SIDE, PICTURE_SIDE);
  drawPictures(g, PICTURE_SIDE, oldestFirst.map((l) => ({ colour: l.colour, touches: csv.read(l.touches) })));
  picture.replaceChildren(canvas);
  const performers = [...new Map([...oldestFirst.filter((l) => !l.robot), ...oldestFirst.filter((l) => l.robot)]
    .map((l) => [l.performerId, l])).values()];
  name.replaceChildren(...performers.flatMap((l, i) => (i ? [', ', credit(l)] : [credit(l)])));
  avatars.replaceChildren(...performers.map(performerLink));
}

export async function layersOf(id) {
  const performance = await jamOf(id);
  return { performance, layers: performance.layers.map((l, i) => ({ key: l.id + i, label: l.stageName, instrument: l.instrument, colour: l.colour,
    touches: csv.read(l.touches), volume: 1, muted: false })) };
}

/** Plays the jam once; tapping the jam that is playing stops it. */
export async function playJam(id) {
  if (current?.id === id) { stopWorld(); return; }
  stopWorld();
  const ctx = unlock();
  const playing = current = { id, player: null };
  try {
    const { layers } = await layersOf(id);
    if (current !== playing) return; // another tap came first
    playing.player = new Player(ctx, layers, { onEnd: () => { if (current === playing) stopWorld(); } });
    document.body.dataset.playing = id;
    document.body.dataset.playingLayers = String(layers.length);
    playing.player.start();
    showPlaying(playing);
  } catch (error) {
    if (current === playing) current = null;
    toast(`Cannot play it: ${error.message}`);
  }
}

// The playing jam's card says so (its picture pressed) and shows how far through the cycle it is.
function showPlaying(playing) {
  document.querySelectorAll('.card .play-progress').forEach((bar) => bar.remove());
  document.querySelectorAll('.card .picture[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  if (!playing) return;
  const bars = [...document.querySelectorAll(`.card[data-id="${playing.id}"]`)].map((cardNode) => {
    const picture = cardNode.querySelector('.picture');
    picture.setAttribute('aria-pressed', 'true');
    const bar = el('div', { class: 'play-progress', role: 'progressbar', 'aria-label': 'Playing', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0' }, el('span'));
    picture.after(bar);
    return bar;
  });
  const tick = () => {
    if (current !== playing || !playing.player?.playing) return;
    const percent = Math.min(100, Math.round(100 * playing.player.position() / CYCLE));
    bars.forEach((bar) => { bar.setAttribute('aria-valuenow', String(percent)); bar.firstChild.style.width = `${percent}%`; });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
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
