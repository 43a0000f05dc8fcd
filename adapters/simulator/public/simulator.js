// The simulator's chat page. Plain browser JavaScript, no build step: it talks to the bot only
// through the simulator channel's HTTP API, exactly as a provider's app would.
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const el = {
    hotel: $('hotel'),
    guest: $('guest'),
    name: $('name'),
    chat: $('chat'),
    composer: $('composer'),
    text: $('text'),
    connection: $('connection'),
    hotelName: $('hotel-name'),
    avatar: $('avatar'),
    dialog: $('list-dialog'),
    listTitle: $('list-title'),
    listRows: $('list-rows'),
  };
  const saved = {
    get: (key) => window.localStorage.getItem(`hotello.simulator.${key}`),
    set: (key, value) => window.localStorage.setItem(`hotello.simulator.${key}`, value),
  };
  const state = { hotels: [], source: null, rows: new Map(), pendingReads: new Set(), readTimer: 0 };

  // Replies become "read" when they are on screen while the page is visible, like in WhatsApp.
  const seen = new window.IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) queueRead(entry.target.dataset.id);
  });

  function setConnection(text) {
    el.connection.textContent = text;
  }

  function newId() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
  }

  function clock(iso) {
    const d = iso ? new Date(iso) : new Date();
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  /** WhatsApp's *bold*, _italic_ and ~strike~, built as elements so no text is parsed as HTML. */
  function formatted(text) {
    const fragment = document.createDocumentFragment();
    const pattern = /([*_~])([^*_~\n]+)\1/g;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      fragment.append(text.slice(last, match.index));
      const tag = { '*': 'strong', _: 'em', '~': 's' }[match[1]];
      const node = document.createElement(tag);
      node.textContent = match[2];
      fragment.append(node);
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  /** Only web links reach href/src: a reply is data, and a `javascript:` URL in it must stay inert. */
  function safeUrl(url) {
    return /^https?:\/\//i.test(String(url)) ? url : '#';
  }

  function span(className, text) {
    const node = document.createElement('span');
    node.className = className;
    node.textContent = text;
    return node;
  }

  const TICKS = {
    pending: ['🕓', 'Sending'],
    stored: ['✓✓', 'Received by the hotel'],
    sent: ['✓', 'Sent'],
    delivered: ['✓✓', 'Delivered'],
    read: ['✓✓', 'Read'],
    failed: ['!', 'Not sent'],
  };

  function setTicks(row, status) {
    const ticks = row.querySelector('.ticks');
    if (!ticks || !TICKS[status]) return;
    const [symbol, label] = TICKS[status];
    ticks.textContent = symbol;
    ticks.className = `ticks ${status}`;
    ticks.setAttribute('aria-label', label);
    ticks.title = label;
    row.dataset.status = status;
  }

  function bubble(row, content) {
    const box = document.createElement('div');
    box.className = 'bubble';
    row.append(box);
    switch (content.kind) {
      case 'text':
        box.append(formatted(content.text));
        break;
      case 'choice':
        box.append(span('tapped', '↩ chose'), content.title);
        break;
      case 'location':
        box.append(locationCard(content));
        break;
      case 'buttons':
      case 'list':
        if (content.header) box.append(span('header', content.header));
        box.append(formatted(content.text));
        if (content.footer) box.append(span('footer', content.footer));
        break;
      case 'media':
        box.classList.add('media');
        box.append(media(content));
        if (content.caption) box.append(formatted(content.caption));
        break;
      case 'template':
        box.append(span('template-label', `Template · ${content.name} (${content.language})`));
        box.append(content.parameters.length ? content.parameters.join('\n') : '(no parameters)');
        break;
      default:
        box.append(span('template-label', content.kind), content.providerType || '');
    }
    return box;
  }

  function locationCard(content) {
    const link = document.createElement('a');
    link.className = 'location-card';
    link.href = `https://maps.google.com/?q=${content.latitude},${content.longitude}`;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = `📍 ${[content.name, content.address].filter(Boolean).join(', ') || `${content.latitude}, ${content.longitude}`}`;
    return link;
  }

  function media(content) {
    if (content.mediaType === 'image' || content.mediaType === 'sticker') {
      const img = document.createElement('img');
      img.src = safeUrl(content.url);
      img.alt = content.caption || `${content.mediaType} from the hotel`;
      return img;
    }
    if (content.mediaType === 'video' || content.mediaType === 'audio') {
      const player = document.createElement(content.mediaType);
      player.src = safeUrl(content.url);
      player.controls = true;
      return player;
    }
    const link = document.createElement('a');
    link.href = safeUrl(content.url);
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = `📄 ${content.filename || content.url.split('/').pop() || 'document'}`;
    return link;
  }

  function actions(row, content) {
    const box = document.createElement('div');
    box.className = 'actions';
    if (content.kind === 'buttons') {
      for (const option of content.buttons) box.append(actionButton(option.title, () => choose(option, row)));
    } else {
      box.append(actionButton(`☰ ${content.buttonLabel}`, () => openList(content, row)));
    }
    row.append(box);
  }

  function actionButton(label, onClick) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'action';
    button.textContent = label;
    button.addEventListener('click', onClick);
    return button;
  }

  function openList(content, row) {
    el.listTitle.textContent = content.buttonLabel;
    el.listRows.replaceChildren();
    for (const section of content.sections) {
      if (section.title) {
        const heading = document.createElement('h3');
        heading.textContent = section.title;
        el.listRows.append(heading);
      }
      for (const option of section.rows) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'list-row';
        button.append(option.title);
        if (option.description) button.append(Object.assign(document.createElement('small'), { textContent: option.description }));
        button.addEventListener('click', () => {
          el.dialog.close();
          choose(option, row);
        });
        el.listRows.append(button);
      }
    }
    el.dialog.showModal();
  }

  function choose(option, row) {
    for (const button of row.querySelectorAll('.action')) button.setAttribute('aria-pressed', String(button.textContent === option.title));
    post({ choice: { id: option.id, title: option.title } });
  }

  /** Adds or updates the bubble for one message; the same id never makes two bubbles. */
  function render(entry) {
    const existing = state.rows.get(entry.id);
    if (existing) {
      if (entry.direction === 'in') setTicks(existing, 'stored');
      else if (entry.status) setTicks(existing, entry.status);
      return;
    }
    const row = document.createElement('div');
    row.className = `row ${entry.direction === 'in' ? 'guest' : 'hotel'}`;
    row.dataset.id = entry.id;
    const box = bubble(row, entry.content);
    const meta = span('meta', clock(entry.timestamp));
    meta.append(span('ticks', ''));
    box.append(meta);
    if (entry.direction === 'out' && (entry.content.kind === 'buttons' || entry.content.kind === 'list')) actions(row, entry.content);
    el.chat.append(row);
    state.rows.set(entry.id, row);
    setTicks(row, entry.direction === 'in' ? (entry.stored === false ? 'pending' : 'stored') : entry.status || 'pending');
    if (entry.direction === 'out') seen.observe(row);
    row.scrollIntoView({ block: 'end' });
  }

  function queueRead(id) {
    if (!id || document.visibilityState !== 'visible') return;
    const row = state.rows.get(id);
    if (!row || row.dataset.status === 'read' || row.dataset.reading) return;
    row.dataset.reading = '1';
    state.pendingReads.add(id);
    clearTimeout(state.readTimer);
    state.readTimer = setTimeout(flushReads, 250);
  }

  async function flushReads() {
    if (document.visibilityState !== 'visible') return;
    const ids = [...state.pendingReads];
    state.pendingReads.clear();
    if (!ids.length || !el.hotel.value) return;
    await fetch(`/simulator/${encodeURIComponent(el.hotel.value)}/read`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ guest: el.guest.value.trim(), ids }),
    }).catch(() => undefined);
  }

  /** Sends one guest message; its bubble shows a clock until the bot has stored it. */
  async function post(payload) {
    const hotel = el.hotel.value;
    const guest = el.guest.value.trim();
    if (!hotel || !guest) return;
    const id = newId();
    const content = payload.text !== undefined ? { kind: 'text', text: payload.text } : { kind: 'choice', ...payload.choice };
    render({ id, direction: 'in', timestamp: new Date().toISOString(), content, stored: false });
    const name = el.name.value.trim();
    try {
      const res = await fetch(`/webhooks/simulator/${encodeURIComponent(hotel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id, from: guest, ...(name ? { name } : {}), ...payload }),
      });
      if (!res.ok) throw new Error((await res.json().catch(() => ({}))).message || `HTTP ${res.status}`);
      setTicks(state.rows.get(id), 'stored');
    } catch (err) {
      setTicks(state.rows.get(id), 'failed');
      notice(`Not sent: ${err.message}`);
    }
  }

  function notice(text) {
    const note = document.createElement('p');
    note.className = 'notice';
    note.textContent = text;
    el.chat.append(note);
    note.scrollIntoView({ block: 'end' });
  }

  function connect() {
    if (state.source) state.source.close();
    el.chat.replaceChildren();
    state.rows.clear();
    const hotel = el.hotel.value;
    const guest = el.guest.value.trim();
    const info = state.hotels.find((h) => h.id === hotel);
    el.hotelName.textContent = info ? info.name : 'Hotello simulator';
    el.avatar.textContent = (info ? info.name : 'H').charAt(0).toUpperCase();
    if (!hotel || !guest) return setConnection('choose a hotel and your number');
    saved.set('hotel', hotel);
    saved.set('guest', guest);
    notice(`You are ${guest}. Messages go through the bot's real pipeline.`);
    const source = new EventSource(`/simulator/${encodeURIComponent(hotel)}/events?guest=${encodeURIComponent(guest)}`);
    state.source = source;
    setConnection('connecting…');
    source.addEventListener('open', () => setConnection('online'));
    source.addEventListener('error', () =>
      setConnection(source.readyState === EventSource.CLOSED ? 'disconnected: check the number' : 'reconnecting…'),
    );
    source.addEventListener('message', (event) => render(JSON.parse(event.data)));
    source.addEventListener('status', (event) => {
      const { id, status } = JSON.parse(event.data);
      const row = state.rows.get(id);
      if (row) setTicks(row, status);
    });
  }

  async function init() {
    el.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = el.text.value.trim();
      if (!text) return;
      el.text.value = '';
      post({ text });
    });
    el.hotel.addEventListener('change', connect);
    el.guest.addEventListener('change', connect);
    el.name.addEventListener('change', () => saved.set('name', el.name.value.trim()));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') for (const [id, row] of state.rows) if (row.classList.contains('hotel')) queueRead(id);
    });

    try {
      state.hotels = await (await fetch('/simulator/hotels')).json();
    } catch {
      return setConnection('cannot reach the bot');
    }
    if (!state.hotels.length) return setConnection('no hotel has a simulator channel: add { type: simulator } to one');
    for (const hotel of state.hotels) el.hotel.append(new window.Option(hotel.name, hotel.id));
    const hotel = saved.get('hotel');
    if (hotel && state.hotels.some((h) => h.id === hotel)) el.hotel.value = hotel;
    el.guest.value = saved.get('guest') || '+254700000001';
    el.name.value = saved.get('name') || '';
    connect();
  }

  init();
})();
