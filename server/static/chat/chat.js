/* Hulpmix: the youth's chat page. Plain JavaScript, no dependencies, no build step.
 *
 * Served with a strict Content-Security-Policy: no inline scripts or styles, no eval.
 * Everything anybody typed reaches the page through textContent only, never as HTML.
 * The API is /api/v1/youth (server/api/youth.py, docs/protocol.md).
 *
 * What must survive a reload lives in sessionStorage (per tab, gone when the tab closes):
 * the chat id, its token, the resume code, the event cursor, and the messages the youth
 * wrote that the server has not confirmed yet, each with its txn_id (made once, on send).
 */
(() => {
  "use strict";

  const API = "/api/v1/youth";
  const STORE_KEY = "hulpmix.chat";
  const MAX_BACKOFF_MS = 10000;
  const STATUS_REFRESH_MS = 60000;
  const ZONE = "Europe/Amsterdam";
  const TEXT = {
    lost: "Verbinding kwijt, we proberen het opnieuw…",
    helperAway: "Je hulpverlener is even de verbinding kwijt en komt zo terug.",
    sending: "wordt verstuurd",
    failed: "niet verstuurd",
    offline: "Geen verbinding. Controleer je internet en probeer het opnieuw.",
    elsewhere: "Je chat is in een ander venster verder gegaan. Hier kun je niet verder.",
    unreachable: "De chat is nu niet bereikbaar. We proberen het zo opnieuw.",
    age: "Vul een leeftijd in tussen 8 en 99, of laat het leeg.",
  };
  const STATUS_TEXT = {
    waiting: "Je wacht op een hulpverlener.",
    active: "Je chat met een hulpverlener.",
    helper_reconnecting: "Je hulpverlener is even weg.",
    ended: "Het gesprek is afgelopen.",
  };
  const WHO = { helper: "Hulpverlener", youth: "Jij", system: "Melding" };
  const VIEWS = ["view-closed", "view-start", "view-chat", "view-survey", "view-thanks"];

  // How long one long-poll may be held open, in seconds. The server notes the youth as
  // present at the start and end of each poll, so this must stay well under its presence
  // timeout (40 s by default). `?poll=N` (1-25) lowers it for set-ups with a shorter one.
  const POLL_SECONDS = (() => {
    const asked = Number(new URLSearchParams(location.search).get("poll"));
    return asked >= 1 && asked <= 25 ? Math.floor(asked) : 25;
  })();

  const $ = (id) => document.getElementById(id);
  const ui = {};
  let session = null; // stored: {chatId, token, code, cursor, outbox, handoverDone, surveyDone}
  let live = null; // this page's view of the running chat (not stored); replaced per chat
  let statusTimer = null;
  let pinned = true; // the conversation follows new messages while scrolled to its end

  // --- storage and small helpers -------------------------------------------------------

  function load() {
    try {
      const data = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null");
      return data && data.chatId && data.token ? data : null;
    } catch (e) {
      return null; // storage blocked (e.g. a third-party iframe): the chat still works
    }
  }

  function save() {
    try {
      if (session) sessionStorage.setItem(STORE_KEY, JSON.stringify(session));
      else sessionStorage.removeItem(STORE_KEY);
    } catch (e) { /* see load() */ }
  }

  const show = (el, visible) => { el.hidden = !visible; };
  function setText(el, text) {
    el.textContent = text || "";
    el.hidden = !text;
  }

  // A sleep that wakeAll() cuts short (when the browser says it is online again).
  let sleepers = [];
  function pause(ms) {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers = sleepers.filter((s) => s !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.push(done);
    });
  }
  const wakeAll = () => sleepers.slice().forEach((wake) => wake());

  /** Exponential backoff with full jitter: random 0..min(10 s, 0.5 s * 2^n). */
  const backoff = (failures) => Math.random() * Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures);

  /** A client-made message id, made once per message and reused on every retry. */
  function newTxnId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return "y" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function dutch(iso, options) {
    const parts = {};
    new Intl.DateTimeFormat("nl-NL", { timeZone: ZONE, hourCycle: "h23", ...options })
      .formatToParts(new Date(iso)).forEach((p) => { parts[p.type] = p.value; });
    return parts;
  }
  const clock = (iso) => {
    const p = dutch(iso, { hour: "2-digit", minute: "2-digit" });
    return p.hour ? p.hour + ":" + p.minute : "";
  };
  /** "maandag 23 november om 16:00", in Dutch local time. */
  const longMoment = (iso) => {
    const p = dutch(iso, { weekday: "long", day: "numeric", month: "long" });
    return `${p.weekday} ${p.day} ${p.month} om ${clock(iso)}`;
  };

  /**
   * One JSON request: {status, data, retryAfter}. Throws only when there was no answer at
   * all (offline, DNS, TLS, or aborted after `limitMs`).
   */
  async function api(method, path, body, token, limitMs = 20000) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = "Bearer " + token;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), limitMs);
    try {
      const res = await fetch(API + path, {
        method, headers, cache: "no-store", credentials: "omit", signal: abort.signal,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = await res.json().catch(() => null);
      return {
        status: res.status, data: data || {},
        retryAfter: Number(res.headers.get("Retry-After")) || 0,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  function showView(id, focus) {
    show(ui.loading, false);
    VIEWS.forEach((v) => show($(v), v === id));
    show(ui.resume, id === "view-start" || id === "view-closed");
    document.body.classList.toggle("in-chat", id === "view-chat");
    if (focus) $(id).querySelector("h1").focus();
  }

  // --- before a chat: status, start form, resume form ----------------------------------

  async function showEntry(notice, focus) {
    setText(ui.entryNotice, notice);
    clearTimeout(statusTimer);
    let again = STATUS_REFRESH_MS;
    try {
      const res = await api("GET", "/status");
      if (res.status !== 200) throw new Error("status " + res.status);
      renderEntry(res.data, focus);
    } catch (e) {
      VIEWS.forEach((v) => show($(v), false));
      show(ui.resume, false);
      setText(ui.loading, TEXT.unreachable);
      again = 5000 + backoff(3);
    }
    // Keep the opening hours and the queue current while the youth is on this page.
    if (!session) statusTimer = setTimeout(() => showEntry(notice), again);
  }

  function renderEntry(status, focus) {
    if (!status.open) {
      renderClosed(status.opens_at, status.holiday);
      showView("view-closed", focus);
      return;
    }
    const closes = status.closes_at ? " (om " + clock(status.closes_at) + ")" : "";
    setText(ui.shortNotice, status.short_chat_only
      ? `De chat sluit bijna${closes}. Er is alleen nog tijd voor een kort gesprek.` : "");
    const n = status.waiting;
    ui.queueInfo.textContent = n > 1 ? `Er wachten nu ${n} jongeren.`
      : n === 1 ? "Er wacht nu 1 jongere." : "Er wacht nu niemand: je bent zo aan de beurt.";
    showView("view-start", focus);
  }

  function renderClosed(opensAt, holiday) {
    setText(ui.closedHoliday, holiday ? `Vandaag is het ${holiday}.` : "");
    ui.closedWhen.textContent = opensAt
      ? `De chat is weer open op ${longMoment(opensAt)}.`
      : "We weten nog niet wanneer de chat weer open is.";
  }

  /** An age field: null when empty, undefined when not 8-99 (after saying so). */
  function ageOf(input, error) {
    const text = input.value.trim();
    const n = Number(text);
    if (!text) return null;
    if (Number.isInteger(n) && n >= 8 && n <= 99) return n;
    setText(error, TEXT.age);
    input.focus();
    return undefined;
  }

  /** Run `work` with `button` disabled (no double starts); network trouble -> `error`. */
  async function busy(button, error, work) {
    setText(error, "");
    button.disabled = true;
    try {
      await work();
    } catch (e) {
      setText(error, TEXT.offline);
    } finally {
      button.disabled = false;
    }
  }

  function startChat(event) {
    event.preventDefault();
    setText(ui.startError, "");
    const age = ageOf(ui.age, ui.startError);
    if (age === undefined) return;
    const body = {};
    if (ui.nickname.value.trim()) body.nickname = ui.nickname.value.trim();
    if (age !== null) body.age = age;
    if (ui.theme.value) body.theme = ui.theme.value;
    busy(ui.startButton, ui.startError, async () => {
      const res = await api("POST", "/chats", body);
      const d = res.data;
      if (res.status === 201) {
        begin({ chatId: d.chat_id, token: d.token, code: d.resume_code }, d.position);
      } else if (res.status === 409 && d.reason === "closed") {
        renderClosed(d.opens_at, null);
        showView("view-closed", true);
      } else if (res.status === 429) {
        setText(ui.startError, "Er worden nu veel chats gestart. Probeer het over " +
          (res.retryAfter || 60) + " seconden opnieuw.");
      } else {
        setText(ui.startError, "Dat lukte niet. Probeer het zo nog eens.");
      }
    });
  }

  function resumeChat(event) {
    event.preventDefault();
    const raw = ui.resumeInput.value.toUpperCase().replace(/[^A-Z0-9]/g, "");
    const code = raw.slice(0, 4) + "-" + raw.slice(4);
    if (raw.length < 8) {
      setText(ui.resumeError, "Vul je code helemaal in, zoals ABCD-EF23.");
      ui.resumeInput.focus();
      return;
    }
    busy(ui.resumeButton, ui.resumeError, async () => {
      const res = await api("POST", "/chats/resume", { resume_code: code });
      const d = res.data;
      if (res.status === 200) begin({ chatId: d.chat_id, token: d.token, code }, null);
      else {
        setText(ui.resumeError, res.status === 404 ? "Deze code kennen we niet, of hij is verlopen."
          : res.status === 429 ? `Te vaak geprobeerd. Wacht ${res.retryAfter || 60} seconden.`
            : "Dat lukte niet. Controleer je code en probeer het opnieuw.");
      }
    });
  }

  // --- the running chat ----------------------------------------------------------------

  /** A new chat, or one rejoined with a code. */
  function begin(chat, position) {
    session = { ...chat, cursor: 0, outbox: [], handoverDone: 0, surveyDone: false };
    save();
    enterChat(position, true);
  }

  /**
   * Show the chat of `session`. The transcript is rebuilt from the start of this chat's
   * event log (the youth's log holds only this chat), so a reload and a rejoin in another
   * window take the same path; only unconfirmed messages come from storage. Events up to
   * the stored cursor are fetched without waiting, with the log marked busy meanwhile.
   */
  function enterChat(position, focus) {
    clearTimeout(statusTimer);
    setText(ui.entryNotice, "");
    live = {
      cursor: 0, replayUntil: session.cursor, status: null, position, hadHelper: false,
      own: {}, sending: false, failures: 0, gone: false, broken: {},
    };
    ui.log.textContent = "";
    pinned = true;
    ui.resumeCode.textContent = session.code || "";
    [ui.codeBox, ui.stopButton, ui.compose].forEach((el) => show(el, true));
    show(ui.handover, false);
    show(ui.ended, false);
    showView("view-chat", focus);
    renderStatus();
    ui.log.setAttribute("aria-busy", "true");
    session.outbox.forEach(addOwnPending);
    pollLoop(live);
    flushOutbox(live);
  }

  /** Long-poll this chat's events until it ends, the token stops working, or `mine` is gone. */
  async function pollLoop(mine) {
    while (mine === live && !mine.gone && mine.status !== "ended") {
      const wait = mine.cursor < mine.replayUntil ? 0 : POLL_SECONDS;
      const path = `/chats/${session.chatId}/events?since=${mine.cursor}&timeout=${wait}`;
      try {
        const res = await api("GET", path, undefined, session.token, (wait + 15) * 1000);
        if (mine !== live) return;
        if (res.status === 401) return tokenLost();
        if (res.status !== 200) throw new Error("events " + res.status); // 5xx, proxies
        connectionOk("poll");
        mine.failures = 0;
        res.data.events.forEach(handleEvent);
        mine.cursor = res.data.next;
        if (mine.cursor >= mine.replayUntil) ui.log.removeAttribute("aria-busy");
        if (mine.cursor > session.cursor) {
          session.cursor = mine.cursor;
          save();
        }
      } catch (e) {
        if (mine !== live) return;
        mine.failures += 1;
        connectionLost("poll");
        await pause(backoff(mine.failures));
      }
    }
  }

  function handleEvent(ev) {
    if (ev.kind === "message") addMessage(ev);
    else if (ev.kind === "status") setStatus(ev.status);
    else if (ev.kind === "position") {
      live.position = ev.position;
      renderStatus();
    } else if (ev.kind === "handover" && ev.seq > session.handoverDone && live.status !== "ended") {
      live.handoverSeq = ev.seq; // asked until answered (the answer is stored)
      show(ui.handover, true);
    }
  }

  function setStatus(status) {
    live.status = status;
    if (status === "active") live.hadHelper = true;
    renderStatus();
    if (status === "ended") chatEnded();
  }

  function renderStatus() {
    const s = live.status;
    let text = STATUS_TEXT[s] || "Verbinden…";
    if (s === "waiting" && live.position) {
      text = (live.position === 1 ? "Je bent de volgende in de rij (nummer 1)."
        : `Je bent nummer ${live.position} in de rij.`) + " Een hulpverlener komt zo bij je.";
    }
    ui.chatStatus.textContent = text;
    ui.chatStatus.dataset.state = s || "";
    ui.helperNotice.textContent = s === "helper_reconnecting" ? TEXT.helperAway : "";
    // While waiting nobody reads along yet: a helper sees the chat from when they get it.
    const canWrite = s === "active" || s === "helper_reconnecting";
    const opened = canWrite && ui.message.disabled;
    ui.message.disabled = ui.sendButton.disabled = !canWrite;
    ui.message.placeholder = canWrite ? "Typ je bericht…"
      : "Je kunt typen zodra een hulpverlener er is.";
    // The helper is there: put the cursor in the message box, unless the youth is elsewhere.
    const here = document.activeElement;
    if (opened && (!here || here === document.body || here.id === "chat-title")) ui.message.focus();
  }

  // --- messages ------------------------------------------------------------------------

  /** One <li> of the conversation; the text goes in with textContent only. */
  function messageItem(from, text) {
    const li = document.createElement("li");
    li.className = "msg from-" + from;
    const parts = [["span", from === "system" ? "visually-hidden" : "who", WHO[from] + ": "],
      ["p", "text", text], ["span", "meta", ""]];
    parts.forEach(([tag, cls, content]) => {
      const el = document.createElement(tag);
      el.className = cls;
      el.textContent = content;
      li.appendChild(el);
    });
    return li;
  }

  /**
   * Put `li` in seq order among the confirmed messages; unconfirmed ones (no seq yet) stay
   * at the bottom in the order they were written.
   */
  function place(li) {
    const seq = Number(li.dataset.seq || 0);
    let before = null;
    let node = seq ? ui.log.lastElementChild : null;
    while (node && (node === li || !node.dataset.seq || Number(node.dataset.seq) > seq)) {
      if (node !== li) before = node;
      node = node.previousElementSibling;
    }
    // Moving a node that is already in place would make screen readers read it again.
    if (li.parentNode === ui.log && li.nextElementSibling === before) return;
    ui.log.insertBefore(li, before);
    if (pinned || !seq) toBottom();
  }

  function toBottom() {
    ui.log.scrollTop = ui.log.scrollHeight;
    pinned = true;
  }

  /** Page notes and failed messages sort after everything seen so far. */
  const afterSeen = (li) => { li.dataset.seq = String(live.cursor + 0.5); };

  function markFailed(li) {
    li.classList.remove("pending");
    li.classList.add("failed");
    li.querySelector(".meta").textContent = TEXT.failed;
    afterSeen(li);
    place(li);
  }

  function confirmOwn(li, seq, at) {
    li.classList.remove("pending", "failed");
    li.dataset.seq = String(seq);
    li.querySelector(".meta").textContent = clock(at);
    place(li);
  }

  function addMessage(ev) {
    // Our own message coming back: confirm the one on the page, never show it twice.
    const own = ev.from === "youth" && live.own[ev.txn_id];
    if (own) return confirmOwn(own, ev.seq, ev.at);
    const li = messageItem(ev.from, ev.text);
    li.dataset.seq = String(ev.seq);
    if (ev.from !== "system") li.querySelector(".meta").textContent = clock(ev.at);
    if (ev.from === "youth") live.own[ev.txn_id] = li;
    place(li);
  }

  function addOwnPending(item) {
    if (live.own[item.txn]) return;
    const li = messageItem("youth", item.text);
    li.classList.add("pending");
    li.querySelector(".meta").textContent = TEXT.sending;
    live.own[item.txn] = li;
    place(li);
  }

  function sendTyped(event) {
    event.preventDefault();
    const text = ui.message.value.trim();
    if (!text || ui.message.disabled) return;
    const item = { txn: newTxnId(), text };
    session.outbox.push(item); // stored before the first try: a reload sends it too
    save();
    addOwnPending(item);
    ui.message.value = "";
    ui.message.focus();
    flushOutbox(live);
  }

  /** Send the unconfirmed messages one at a time, in order, each retried with its txn_id. */
  async function flushOutbox(mine) {
    if (mine.sending) return;
    mine.sending = true;
    let failures = 0;
    try {
      while (mine === live && !mine.gone && session.outbox.length) {
        const item = session.outbox[0];
        let res;
        try {
          const path = `/chats/${session.chatId}/messages/${item.txn}`;
          res = await api("PUT", path, { text: item.text }, session.token);
          if (res.status >= 500) throw new Error("server " + res.status);
        } catch (e) {
          if (mine !== live) return;
          connectionLost("send");
          await pause(backoff(++failures));
          continue;
        }
        if (mine !== live) return;
        failures = 0;
        connectionOk("send");
        if (res.status === 401) return tokenLost();
        if (res.status === 429) {
          await pause((res.retryAfter || 2) * 1000);
          continue;
        }
        const li = live.own[item.txn];
        if (res.status === 200 || res.status === 201) confirmOwn(li, res.data.seq, res.data.at);
        else markFailed(li); // 409 ended, 413 too long, 422 empty: this one will never go
        session.outbox.shift();
        save();
      }
    } finally {
      mine.sending = false;
    }
  }

  // The notice shows while the long-poll or the sending fails, until both work again.
  function connectionLost(what) {
    live.broken[what] = true;
    ui.connNotice.textContent = TEXT.lost;
  }
  function connectionOk(what) {
    delete live.broken[what];
    if (!Object.keys(live.broken).length) ui.connNotice.textContent = "";
  }

  /** 401: the token was replaced (the chat was rejoined elsewhere with the code). */
  function tokenLost() {
    leaveChat();
    showEntry(TEXT.elsewhere, true);
  }

  function leaveChat() {
    if (live) live.gone = true;
    live = null;
    session = null;
    save();
    ui.connNotice.textContent = "";
  }

  // --- hand-over, stopping, the end ----------------------------------------------------

  async function answerHandover(share) {
    setText(ui.handoverError, "");
    const seq = live.handoverSeq || 0;
    try {
      const res = await api("POST", `/chats/${session.chatId}/history`, { share }, session.token);
      if (res.status === 401) return tokenLost();
      if (res.status !== 200 && res.status !== 409) throw new Error("history " + res.status);
      session.handoverDone = seq;
      save();
      show(ui.handover, false);
      addNote(share ? "De nieuwe hulpverlener mag je eerdere gesprek lezen."
        : "De nieuwe hulpverlener leest je eerdere gesprek niet.");
    } catch (e) {
      setText(ui.handoverError, TEXT.offline);
    }
  }

  /** A line from the page itself (not from the server) in the conversation. */
  function addNote(text) {
    const li = messageItem("system", text);
    li.classList.add("note");
    afterSeen(li);
    place(li);
    toBottom();
  }

  async function stopChat() {
    ui.stopDialog.close();
    try {
      const res = await api("POST", `/chats/${session.chatId}/end`, {}, session.token);
      if (res.status === 401) return tokenLost();
      if (res.status !== 200) throw new Error("end " + res.status);
      setStatus("ended");
    } catch (e) {
      addNote("Stoppen lukte niet: er is geen verbinding. Probeer het zo opnieuw.");
    }
  }

  function chatEnded() {
    show(ui.handover, false);
    show(ui.compose, false);
    ui.helperNotice.textContent = "";
    session.outbox.forEach((item) => markFailed(live.own[item.txn])); // will not go any more
    session.outbox = [];
    save();
    const survey = live.hadHelper && !session.surveyDone;
    ui.endedText.textContent = survey
      ? "Wil je nog een paar korte vragen beantwoorden? Dat helpt ons de chat beter te maken."
      : live.hadHelper ? "Je kunt altijd terugkomen, op de chat of op het forum."
        : "Je bent uit de rij gegaan. Je kunt altijd opnieuw beginnen.";
    show(ui.toSurvey, survey);
    show(ui.codeBox, false); // the code no longer works once the chat has ended
    show(ui.stopButton, false);
    show(ui.ended, true);
  }

  function sendSurvey(event) {
    event.preventDefault();
    setText(ui.surveyError, "");
    const f = ui.surveyForm.elements;
    const age = ageOf(f.age, ui.surveyError);
    if (age === undefined) return;
    const body = {
      age,
      gender: f.gender.value.trim(),
      country_father: f.country_father.value.trim(),
      country_mother: f.country_mother.value.trim(),
      understood: f.understood.value || null,
      helped: f.helped.value || null,
      comment: f.comment.value.trim(),
    };
    busy(ui.surveySend, ui.surveyError, async () => {
      const res = await api("POST", `/chats/${session.chatId}/survey`, body, session.token);
      if (res.status === 201 || res.status === 409) { // 409: it was already given
        session.surveyDone = true;
        save();
        showView("view-thanks", true);
      } else if (res.status === 422) setText(ui.surveyError, "Kijk je antwoorden nog even na.");
      else setText(ui.surveyError, "Versturen lukte niet. Probeer het zo nog eens.");
    });
  }

  function newChat() {
    leaveChat();
    ui.surveyForm.reset();
    ui.startForm.reset();
    showEntry("", true);
  }

  // --- wiring --------------------------------------------------------------------------

  function init() {
    document.querySelectorAll("[id]").forEach((el) => {
      ui[el.id.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = el;
    });
    ui.resume = ui.viewResume;
    ui.startForm.addEventListener("submit", startChat);
    ui.resumeForm.addEventListener("submit", resumeChat);
    ui.compose.addEventListener("submit", sendTyped);
    ui.message.addEventListener("keydown", (e) => {
      // Enter sends; Shift+Enter is a new line; not while an input method is composing.
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) sendTyped(e);
    });
    ui.stopButton.addEventListener("click", () => ui.stopDialog.showModal());
    ui.stopYes.addEventListener("click", stopChat);
    ui.stopNo.addEventListener("click", () => ui.stopDialog.close());
    ui.handover.addEventListener("click", (e) => {
      const button = e.target.closest("button[data-share]");
      if (button) answerHandover(button.dataset.share === "true");
    });
    ui.toSurvey.addEventListener("click", () => showView("view-survey", true));
    ui.surveyForm.addEventListener("submit", sendSurvey);
    ui.surveySkip.addEventListener("click", () => showView("view-thanks", true));
    ui.endedNew.addEventListener("click", newChat);
    ui.thanksNew.addEventListener("click", newChat);
    window.addEventListener("online", wakeAll); // retry now instead of after the backoff
    ui.log.addEventListener("scroll", () => {
      pinned = ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 40;
    });
    // Notices, the keyboard or the end bar make the conversation smaller: stay at its end.
    new ResizeObserver(() => { if (pinned) toBottom(); }).observe(ui.log);

    session = load();
    if (session) enterChat(null, false);
    else showEntry("", false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
