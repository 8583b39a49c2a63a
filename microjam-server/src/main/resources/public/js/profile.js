// Profile: first-run onboarding (stage name, colour, avatar, age and consent before anything is
// stored), then the performer's own performances, export, account deletion and the recovery code.
import * as api from './api.js';
import { stageName } from './names.js';
import { el, screen, toast, avatarSrc, avatarChanged } from './ui.js';
import { card } from './world.js';
import { download } from './render.js';

export async function showProfile() {
  if (!api.token()) return onboarding();
  let me;
  try {
    me = await api.get('/api/me', { auth: true });
  } catch (error) {
    if (error.status === 401) { api.setToken(null); return onboarding(); }
    return screen('Profile', el('p', { class: 'hint', text: `Cannot load your profile: ${error.message}` }));
  }
  const mine = el('div', { class: 'cards', id: 'mine', 'aria-busy': 'true' }); // until the list below is in: it pushes what follows down
  screen('Profile',
    el('div', { class: 'row' }, el('img', { class: 'avatar big', src: avatarSrc(me.avatarUrl), alt: `Avatar of ${me.stageName}` }),
      el('div', {}, el('div', { class: 'name', id: 'my-name', text: me.stageName }), el('div', { class: 'hint', text: 'Your public stage name' }))),
    profileEditor(me),
    el('h2', { text: 'Your performances' }), mine,
    el('h2', { text: 'Your data' }),
    el('div', { class: 'row' },
      el('button', { id: 'export', onclick: exportData }, 'Export my data'),
      el('button', { id: 'delete-account', onclick: deleteAccount }, 'Delete my account')),
    el('details', {}, el('summary', {}, 'Recovery code'),
      el('p', { class: 'hint', text: 'This secret signs in as you. Keep it to use MicroJam on another device; never share it.' }),
      el('p', { class: 'token', id: 'recovery-code', text: api.token() })));
  const page = await api.get(`/api/performances?view=all&limit=100&performer=${me.id}`);
  if (!page.items.length) mine.append(el('p', { class: 'hint', text: 'Nothing published yet.' }));
  for (const item of page.items) {
    const c = card(item);
    c.querySelector('.actions').append(el('button', { class: 'delete', onclick: () => deletePerformance(item.id, c) }, 'Delete'));
    mine.append(c);
  }
  mine.removeAttribute('aria-busy');
}

// Name, colours and avatar can change any time; nothing is sent until "Save".
function profileEditor(me) {
  const name = el('input', { type: 'text', id: 'edit-stage-name', maxlength: '32', value: me.stageName, autocomplete: 'off' });
  const colour = el('input', { type: 'color', id: 'edit-colour', value: me.colour });
  const background = el('input', { type: 'color', id: 'edit-background', value: me.background });
  const preview = el('canvas', { class: 'avatar big', width: '256', height: '256', id: 'edit-avatar-preview', role: 'img', 'aria-label': 'Your new avatar', hidden: true });
  const error = el('p', { class: 'status', id: 'profile-error', 'aria-live': 'polite' });
  let avatar = null;
  const newAvatar = (made) => { avatar = made; preview.hidden = false; };
  const photo = el('input', { type: 'file', id: 'edit-photo', accept: 'image/png,image/jpeg', class: 'sr-only',
    onchange: (e) => { if (e.target.files[0]) newAvatar(cropPhoto(e.target.files[0], preview)); } });
  const save = async () => {
    const change = {};
    if (name.value.trim() !== me.stageName) change.stageName = name.value;
    if (colour.value !== me.colour) change.colour = colour.value;
    if (background.value !== me.background) change.background = background.value;
    try {
      if (Object.keys(change).length) await api.request('PUT', '/api/me', change, { auth: true });
      if (avatar) {
        await api.request('PUT', '/api/me/avatar', await avatar, { auth: true, type: 'image/png' });
        avatarChanged();
      }
      toast('Profile saved.');
      showProfile();
    } catch (e) {
      error.textContent = `Not saved: ${e.message}`;
    }
  };
  return el('section', { class: 'card', id: 'profile-editor', 'aria-label': 'Change your profile' },
    el('h2', { text: 'Change your profile' }),
    el('label', { for: 'edit-stage-name' }, 'Stage name'),
    el('div', { class: 'row' }, name, el('button', { id: 'edit-another-name', onclick: () => { name.value = stageName(); } }, 'Another')),
    el('div', { class: 'row' },
      el('label', { for: 'edit-colour' }, 'Your colour'), colour,
      el('label', { for: 'edit-background' }, 'Your background'), background),
    el('div', { class: 'row' }, preview,
      el('button', { id: 'edit-pixel-art', onclick: () => newAvatar(pixelArt(preview, colour.value)) }, 'New pixel art'),
      el('label', { class: 'button', for: 'edit-photo' }, 'Use a photo'), photo),
    el('button', { class: 'primary', id: 'save-profile', onclick: save }, 'Save'), error);
}

async function deletePerformance(id, node) {
  if (!confirm('Delete this performance for everyone?')) return;
  try {
    await api.request('DELETE', `/api/performances/${id}`, undefined, { auth: true });
    node.remove();
    toast('Deleted.');
  } catch (error) {
    toast(`Not deleted: ${error.message}`);
  }
}

async function exportData() {
  try {
    const response = await api.request('GET', '/api/me/export', undefined, { auth: true, raw: true });
    download(await response.blob(), 'microjam-export.zip');
  } catch (error) {
    toast(`Export failed: ${error.message}`);
  }
}

async function deleteAccount() {
  if (!confirm('Delete your account and every performance of yours? This cannot be undone.')) return;
  try {
    await api.request('DELETE', '/api/me', undefined, { auth: true });
    api.setToken(null);
    toast('Your account and everything of yours are deleted.');
    onboarding();
  } catch (error) {
    toast(`Not deleted: ${error.message}`);
  }
}

// --- onboarding: nothing is sent or stored until the performer confirms age and consent ---
// The form's draft lives in memory only (never in storage), so reading the privacy policy from its link
// and coming back keeps what was typed and ticked.
let draft = null;

function onboarding() {
  draft ||= { name: stageName(), colour: '#f4a261', age: false, consent: false, avatar: null };
  const name = el('input', { type: 'text', id: 'stage-name', maxlength: '32', value: draft.name, autocomplete: 'off' });
  const colour = el('input', { type: 'color', id: 'colour', value: draft.colour });
  const preview = el('canvas', { class: 'avatar big', width: '256', height: '256', id: 'avatar-preview', role: 'img', 'aria-label': 'Your avatar' });
  let avatar = draft.avatar ? redraw(preview, draft.avatar) : pixelArt(preview, colour.value);
  const keep = (made) => { avatar = draft.avatar = made; };
  keep(avatar);
  const photo = el('input', { type: 'file', id: 'photo', accept: 'image/png,image/jpeg', class: 'sr-only',
    onchange: (e) => { if (e.target.files[0]) keep(cropPhoto(e.target.files[0], preview)); } });
  const age = el('input', { type: 'checkbox', id: 'age', checked: draft.age });
  const consent = el('input', { type: 'checkbox', id: 'consent', checked: draft.consent });
  const create = el('button', { class: 'primary', id: 'create', disabled: true }, 'Start jamming');
  const error = el('p', { class: 'status', id: 'onboarding-error', 'aria-live': 'polite' });
  const update = () => {
    Object.assign(draft, { name: name.value, colour: colour.value, age: age.checked, consent: consent.checked });
    create.disabled = !(age.checked && consent.checked && name.value.trim());
  };
  [age, consent].forEach((c) => c.addEventListener('change', update));
  [name, colour].forEach((c) => c.addEventListener('input', update));
  update();
  create.addEventListener('click', async () => {
    create.disabled = true;
    try {
      const policy = await api.get('/api/privacy');
      const created = await api.post('/api/performers', { stageName: name.value, colour: colour.value, age13OrOver: age.checked, acceptedPolicy: policy.version });
      api.setToken(created.token);
      await api.request('PUT', '/api/me/avatar', await avatar, { auth: true, type: 'image/png' });
      draft = null;
      toast(`Welcome, ${created.stageName}!`);
      location.hash = '#/jam';
    } catch (e) {
      error.textContent = e.message;
      update();
    }
  });
  screen('Choose a stage name',
    el('p', { class: 'hint', text: 'No real name, email or password: just a stage name, a colour and an avatar. Avoid real faces and names.' }),
    el('label', { for: 'stage-name' }, 'Stage name'),
    el('div', { class: 'row' }, name, el('button', { id: 'another-name', onclick: () => { name.value = stageName(); update(); } }, 'Another')),
    el('label', { for: 'colour' }, 'Your colour'), colour,
    el('label', {}, 'Avatar'),
    el('div', { class: 'row' }, preview,
      el('button', { onclick: () => keep(pixelArt(preview, colour.value)) }, 'New pixel art'),
      el('label', { class: 'button', for: 'photo' }, 'Use a photo'), photo),
    el('label', { class: 'check' }, age, el('span', { text: 'I am 13 or older.' })),
    el('label', { class: 'check' }, consent, el('span', {}, 'I accept the ', el('a', { href: '#/privacy' }, 'privacy policy'), '.')),
    create, error,
    el('details', {}, el('summary', {}, 'I have a recovery code'),
      el('label', { for: 'recovery' }, 'Recovery code'), el('input', { type: 'text', id: 'recovery', autocomplete: 'off' }),
      el('button', { id: 'sign-in', onclick: signIn }, 'Sign in')));
}

async function signIn() {
  const code = document.getElementById('recovery').value.trim();
  api.setToken(code);
  try {
    const me = await api.get('/api/me', { auth: true });
    toast(`Signed in as ${me.stageName}.`);
    showProfile();
  } catch {
    api.setToken(null);
    document.getElementById('onboarding-error').textContent = 'That recovery code does not sign in.';
  }
}

/** An 8×8 mirrored pattern in the chosen colour; resolves to a PNG. */
function pixelArt(canvas, colour) {
  const g = canvas.getContext('2d'), cell = canvas.width / 8;
  g.fillStyle = '#15151f';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = colour;
  for (let row = 0; row < 8; row++) for (let col = 0; col < 4; col++) {
    if (Math.random() < 0.5) continue;
    g.fillRect(col * cell, row * cell, cell, cell);
    g.fillRect((7 - col) * cell, row * cell, cell, cell);
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** Draws an avatar made before onto a new preview; resolves to the same PNG. */
async function redraw(canvas, made) {
  const png = await made;
  canvas.getContext('2d').drawImage(await createImageBitmap(png), 0, 0, canvas.width, canvas.height);
  return png;
}

/** The middle square of a photo, scaled to 256×256 in the browser before upload. */
async function cropPhoto(file, canvas) {
  const bitmap = await createImageBitmap(file);
  const side = Math.min(bitmap.width, bitmap.height);
  canvas.getContext('2d').drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
