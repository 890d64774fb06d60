/* Hulpmix: the youth's forum pages. Plain JavaScript, no dependencies, no build step.
 *
 * Served with a strict Content-Security-Policy: no inline scripts or styles, no eval.
 * Everything anybody typed reaches the page through textContent only, never as HTML.
 * The API is /api/v1/youth/forum (server/api/youth_forum.py, docs/protocol.md).
 *
 * One page, hash routes, so the youth's drafts survive moving between views:
 *   #/                 published topics and stories (one section), all themes
 *   #/thema/<key>      the same, one theme
 *   #/onderwerp/<id>   a topic or story with its published replies (and a reply form
 *                      only where the writer welcomes replies)
 *   #/nieuw            start a topic
 *   #/verhaal          share one's story, with the tick "Reacties zijn welkom"
 *   #/verstuurd        after sending: read first, online after the next screening round
 *
 * Nothing the youth typed is ever lost: every keystroke goes to a draft in sessionStorage
 * (per tab, gone when the tab closes), which is cleared only when the server said 202.
 */
(() => {
  "use strict";

  const API = "/api/v1/youth/forum";
  const STORE_KEY = "hulpmix.forum";
  const ZONE = "Europe/Amsterdam";
  const PAGE_SIZE = 20;
  // The contract's limits (console/domain/forum.py); the server has the last word (413).
  const LIMITS = { title: 120, body: 5000 };
  const TEXT = {
    offline: "Geen verbinding. Je tekst is bewaard. Controleer je internet en probeer het opnieuw.",
    server: "Er ging iets mis bij het versturen. Je tekst is bewaard; probeer het zo opnieuw.",
    tooLong: "Je tekst is te lang: een titel mag hoogstens 120 tekens hebben en een bericht " +
      "hoogstens 5000.",
    keptShorter: "Je tekst staat er nog: maak hem korter en verstuur opnieuw.",
    check: "Controleer wat je hebt ingevuld.",
    listDown: "Het forum is nu niet bereikbaar. Probeer het zo opnieuw.",
    topicGone: "Dit onderwerp staat (nog) niet op het forum. Nieuwe berichten komen pas online " +
      "nadat ze gelezen zijn.",
    sending: "Wordt verstuurd…",
    canRetry: "Je kunt het nu opnieuw versturen.",
    readFirst: "We lezen elk bericht voordat het online komt.",
    retry: "Opnieuw proberen",
  };
  // Dutch names of the fields the API may name in a 422.
  const FIELD_NAMES = {
    title: "de titel",
    body: "je bericht",
    theme: "het thema",
    replies_welcome: "het vinkje ‘Reacties zijn welkom’",
    parent_id: "het onderwerp waarop je reageert",
    kind: "de soort bericht",
  };
  const WRITE = {
    new: {
      kind: "topic",
      heading: "Nieuw onderwerp",
      intro: "Stel je vraag of begin een gesprek. Andere jongeren kunnen reageren.",
      bodyLabel: "Je bericht",
      send: "Onderwerp versturen",
    },
    story: {
      kind: "story",
      heading: "Mijn verhaal delen",
      intro: "Vertel wat je hebt meegemaakt. Je kiest zelf of anderen erop mogen reageren.",
      bodyLabel: "Je verhaal",
      send: "Verhaal versturen",
    },
  };

  const $ = (id) => document.getElementById(id);
  let store = { drafts: {}, sent: null };
  let themes = []; // [{key, label, count}] as the server last said
  let schedule = null; // {windows, next_round_end}
  let route = { name: "list" };
  let routeSeq = 0; // answers for an earlier route are dropped
  let nextBefore = null;
  let firstRender = true;
  const waits = new Map(); // form -> 429 countdown timer

  // --- storage and small helpers -------------------------------------------------------

  function load() {
    try {
      const data = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null");
      if (data && typeof data === "object" && data.drafts) store = data;
    } catch (e) { /* storage blocked (e.g. a third-party iframe): the page still works */ }
  }

  function save() {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(store));
    } catch (e) { /* see load() */ }
  }

  function setText(el, text) {
    el.textContent = text || "";
    el.hidden = !text;
  }

  /** Characters as the server counts them (code points, not UTF-16 units). */
  const length = (text) => Array.from(text || "").length;

  /** A new element with a class and text; text via textContent only. */
  function make(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /** {year, month, day, hour, minute, weekday, monthName} in Dutch local time. */
  function local(date) {
    const parts = {};
    new Intl.DateTimeFormat("nl-NL", {
      timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "2-digit", minute: "2-digit", weekday: "long",
    }).formatToParts(date).forEach((p) => { parts[p.type] = p.value; });
    const monthName = new Intl.DateTimeFormat("nl-NL", { timeZone: ZONE, month: "long" })
      .format(date);
    return { ...parts, monthName, ymd: `${parts.year}-${parts.month}-${parts.day}` };
  }

  /** The Dutch calendar day `offset` days after today, as y-m-d. */
  function dayFromToday(offset) {
    const t = local(new Date());
    const d = new Date(Date.UTC(Number(t.year), Number(t.month) - 1, Number(t.day) + offset));
    return `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}-${d.getUTCDate()}`;
  }

  /** When a post sent now appears: "vandaag na 12:00", "morgen na 18:00", "op ... na ...". */
  function whenText(iso) {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return "";
    const p = local(at);
    const time = `${p.hour}:${p.minute}`;
    if (p.ymd === dayFromToday(0)) return `vandaag na ${time}`;
    if (p.ymd === dayFromToday(1)) return `morgen na ${time}`;
    return `op ${p.weekday} ${p.day} ${p.monthName} na ${time}`;
  }

  /** A short moment for lists: "vandaag 14:02", "gisteren 09:15", "12 november 2025". */
  function moment(iso) {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return "";
    const p = local(at);
    const time = `${p.hour}:${p.minute}`;
    if (p.ymd === dayFromToday(0)) return `vandaag ${time}`;
    if (p.ymd === dayFromToday(-1)) return `gisteren ${time}`;
    const year = p.year === local(new Date()).year ? "" : ` ${p.year}`;
    return `${p.day} ${p.monthName}${year}`;
  }

  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const themeLabel = (key) => (themes.find((t) => t.key === key) || {}).label || key || "";

  /**
   * One JSON request: {status, data, retryAfter}. Throws only when there was no answer at
   * all (offline, DNS, TLS, or aborted after `limitMs`).
   */
  async function api(method, path, body, limitMs = 20000) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
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

  // --- views and routes ----------------------------------------------------------------

  const VIEWS = ["view-list", "view-topic", "view-write", "view-sent"];

  function showView(id) {
    $("loading").hidden = true;
    VIEWS.forEach((v) => { $(v).hidden = v !== id; });
    if (!firstRender) {
      const heading = $(id).querySelector("h1");
      if (heading && !heading.closest("[hidden]")) heading.focus();
      window.scrollTo(0, 0);
    }
    firstRender = false;
  }

  function parseRoute() {
    const parts = location.hash.replace(/^#\/?/, "").split("/").map((p) => {
      try { return decodeURIComponent(p); } catch (e) { return ""; }
    });
    switch (parts[0]) {
      case "thema": return { name: "list", theme: parts[1] || "" };
      case "onderwerp": return /^\d+$/.test(parts[1] || "") ?
        { name: "topic", id: Number(parts[1]) } : { name: "list", theme: "" };
      case "nieuw": return { name: "write", mode: "new" };
      case "verhaal": return { name: "write", mode: "story" };
      case "verstuurd": return { name: "sent" };
      default: return { name: "list", theme: "" };
    }
  }

  function render() {
    const previous = route;
    route = parseRoute();
    routeSeq += 1;
    if (route.name === "list") renderList(route.theme, previous);
    else if (route.name === "topic") renderTopic(route.id);
    else if (route.name === "write") renderWrite(route.mode, previous);
    else renderSent();
  }

  // --- themes and schedule (shared by several views) -----------------------------------

  async function loadThemes() {
    const res = await api("GET", "/themes");
    if (res.status !== 200 || !Array.isArray(res.data.themes)) throw new Error("themes");
    themes = res.data.themes;
    return themes;
  }

  async function loadSchedule() {
    try {
      const res = await api("GET", "/schedule");
      if (res.status === 200) schedule = res.data;
    } catch (e) { /* only a hint; the 202 answer says when anyway */ }
    document.querySelectorAll(".round-info").forEach(fillRoundInfo);
  }

  function fillRoundInfo(el) {
    if (!schedule || !Array.isArray(schedule.windows)) { setText(el, ""); return; }
    const spans = schedule.windows.map((w) => `${w.start} en ${w.end}`);
    const days = spans.length === 1 ? `tussen ${spans[0]}` :
      `tussen ${spans.slice(0, -1).join(", tussen ")} en tussen ${spans[spans.length - 1]}`;
    const when = schedule.next_round_end ? whenText(schedule.next_round_end) : "";
    setText(el, `Berichten worden gelezen ${days} uur.` +
      (when ? ` Verstuur je het nu, dan staat het er ${when} (als het past binnen de regels).` : ""));
  }

  // --- the list ------------------------------------------------------------------------

  function renderThemeChips(current) {
    const list = $("theme-list");
    list.replaceChildren();
    const all = make("li");
    const allLink = make("a", "chip", "Alles");
    allLink.href = "#/";
    if (!current) allLink.setAttribute("aria-current", "page");
    all.append(allLink);
    list.append(all);
    themes.forEach((t) => {
      const li = make("li");
      const a = make("a", "chip", t.label);
      a.href = "#/thema/" + encodeURIComponent(t.key);
      a.append(" ", make("span", "count", String(t.count)));
      a.setAttribute("aria-label", `${t.label}, ${plural(t.count, "bericht", "berichten")}`);
      if (t.key === current) a.setAttribute("aria-current", "page");
      li.append(a);
      list.append(li);
    });
    // On a phone the chips are one row that scrolls sideways: keep the chosen one in view.
    const chosen = list.querySelector("[aria-current]");
    if (chosen && list.scrollWidth > list.clientWidth) {
      list.scrollLeft = chosen.offsetLeft - (list.clientWidth - chosen.offsetWidth) / 2;
    }
  }

  function topicItem(t) {
    const li = make("li", "topic-item");
    const head = make("p", "topic-head");
    if (t.kind === "story") head.append(make("span", "badge", "Verhaal"), " ");
    const link = make("a", "topic-link", t.title);
    link.href = "#/onderwerp/" + t.id;
    head.append(link);
    li.append(head);
    if (t.body_preview) li.append(make("p", "preview", t.body_preview));
    const bits = [themeLabel(t.theme)];
    if (t.replies_welcome) bits.push(plural(t.reply_count || 0, "reactie", "reacties"));
    else if (t.kind === "story") bits.push("geen reacties gewenst");
    bits.push(moment(t.last_activity_at || t.published_at));
    li.append(make("p", "meta", bits.filter(Boolean).join(" · ")));
    return li;
  }

  async function renderList(theme, previous) {
    const seq = routeSeq;
    const title = theme ? themeLabel(theme) : "Forum";
    $("list-title").textContent = title;
    document.title = theme ? `${title} – Hulpmix forum` : "Hulpmix forum";
    $("to-new").href = "#/nieuw";
    renderThemeChips(theme);
    const sameList = previous && previous.name === "list" && previous.theme === theme;
    if (!sameList) $("topic-list").replaceChildren();
    showView("view-list");
    setText($("list-error"), "");
    $("list-retry").hidden = true;
    $("topic-list").setAttribute("aria-busy", "true");
    try {
      const [, page] = await Promise.all([loadThemes(), fetchTopics(theme, null)]);
      if (seq !== routeSeq) return;
      $("list-title").textContent = theme ? themeLabel(theme) : "Forum";
      renderThemeChips(theme);
      $("topic-list").replaceChildren(...page.topics.map(topicItem));
      $("list-empty").hidden = page.topics.length > 0;
      nextBefore = page.next_before || null;
      $("more-button").hidden = !nextBefore;
      $("topic-list").setAttribute("aria-busy", "false");
    } catch (e) {
      if (seq !== routeSeq) return;
      $("topic-list").setAttribute("aria-busy", "false");
      setText($("list-error"), TEXT.listDown);
      $("list-retry").hidden = false;
      $("list-empty").hidden = true;
      $("more-button").hidden = true;
    }
  }

  async function fetchTopics(theme, before) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (theme) query.set("theme", theme);
    if (before) query.set("before", before);
    const res = await api("GET", "/topics?" + query.toString());
    if (res.status !== 200 || !Array.isArray(res.data.topics)) throw new Error("topics");
    return res.data;
  }

  async function loadMore() {
    const seq = routeSeq;
    const button = $("more-button");
    button.disabled = true;
    try {
      const page = await fetchTopics(route.theme, nextBefore);
      if (seq !== routeSeq) return;
      $("topic-list").append(...page.topics.map(topicItem));
      nextBefore = page.next_before || null;
      button.hidden = !nextBefore;
    } catch (e) {
      if (seq === routeSeq) setText($("list-error"), TEXT.listDown);
    } finally {
      button.disabled = false;
    }
  }

  // --- one topic -----------------------------------------------------------------------

  async function renderTopic(id) {
    const seq = routeSeq;
    $("topic").hidden = true;
    $("replies-section").hidden = true;
    $("no-replies").hidden = true;
    $("reply-box").hidden = true;
    $("reply-sent").hidden = true;
    $("topic-retry").hidden = true;
    setText($("topic-error"), "");
    const moveFocus = !firstRender;
    showView("view-topic");
    let res;
    try {
      if (!themes.length) await loadThemes().catch(() => null);
      res = await api("GET", "/topics/" + id);
    } catch (e) {
      res = null;
    }
    if (seq !== routeSeq) return;
    if (!res || (res.status !== 200 && res.status !== 404)) {
      setText($("topic-error"), TEXT.listDown);
      $("topic-retry").hidden = false;
      return;
    }
    if (res.status === 404 || !res.data.topic) {
      setText($("topic-error"), TEXT.topicGone);
      return;
    }
    const topic = res.data.topic;
    const replies = Array.isArray(res.data.replies) ? res.data.replies : [];
    setText($("topic-kind"), topic.kind === "story" ? "Verhaal" : "");
    $("topic-meta").textContent = [themeLabel(topic.theme), moment(topic.published_at)]
      .filter(Boolean).join(" · ");
    $("topic-title").textContent = topic.title;
    document.title = `${topic.title} – Hulpmix forum`;
    $("topic-body").textContent = topic.body;
    $("topic").hidden = false;
    $("reply-list").replaceChildren(...replies.map((r) => {
      const li = make("li", "reply");
      li.append(make("p", "text", r.body), make("p", "meta", moment(r.published_at)));
      return li;
    }));
    $("replies-title").textContent = replies.length ?
      `Reacties (${replies.length})` : "Reacties";
    $("replies-empty").hidden = replies.length > 0;
    $("replies-section").hidden = !topic.replies_welcome && !replies.length;
    $("no-replies").hidden = Boolean(topic.replies_welcome);
    $("no-replies").textContent = topic.kind === "story" ?
      "De schrijver wil liever geen reacties op dit verhaal. Fijn dat je het hebt gelezen." :
      "Op dit onderwerp kun je niet reageren.";
    if (topic.replies_welcome) {
      const form = $("reply-form");
      form.dataset.draft = "reply:" + topic.id;
      form.dataset.parent = String(topic.id);
      fillForm(form);
      $("reply-box").hidden = false;
      loadSchedule(); // fresh: the page may have been open since an earlier round
    }
    if (moveFocus) $("topic-title").focus();
  }

  // --- writing: topic, story, reply ----------------------------------------------------

  function fields(form) {
    return {
      theme: form.elements.namedItem("theme"),
      title: form.elements.namedItem("title"),
      body: form.elements.namedItem("body"),
      welcome: form.elements.namedItem("replies_welcome"),
    };
  }

  function draftOf(form) {
    const key = form.dataset.draft;
    if (!store.drafts[key]) store.drafts[key] = {};
    return store.drafts[key];
  }

  /** Put the draft (or nothing) into the form and reset its messages. */
  function fillForm(form) {
    const f = fields(form);
    const draft = store.drafts[form.dataset.draft] || {};
    if (f.theme) f.theme.value = draft.theme || (route.name === "write" ? lastTheme() : "");
    if (f.title) f.title.value = draft.title || "";
    f.body.value = draft.body || "";
    if (f.welcome) f.welcome.checked = draft.welcome !== false;
    clearErrors(form);
    setSending(form, false);
    updateCounters(form);
  }

  /** The theme the youth was looking at, to start a topic there. */
  let listTheme = "";
  const lastTheme = () => (themes.some((t) => t.key === listTheme) ? listTheme : "");

  function rememberDraft(form) {
    const f = fields(form);
    const draft = draftOf(form);
    if (f.theme) draft.theme = f.theme.value;
    if (f.title) draft.title = f.title.value;
    draft.body = f.body.value;
    if (f.welcome) draft.welcome = f.welcome.checked;
    save();
  }

  function updateCounters(form) {
    const f = fields(form);
    [["title", f.title], ["body", f.body]].forEach(([name, input]) => {
      if (!input) return;
      const counter = $(input.id + "-count");
      const n = length(input.value);
      const max = LIMITS[name];
      const over = n - max;
      counter.textContent = over > 0 ?
        `${n} / ${max} tekens: ${plural(over, "teken", "tekens")} te veel` : `${n} / ${max} tekens`;
      counter.classList.toggle("over", over > 0);
    });
  }

  function clearErrors(form) {
    form.querySelectorAll(".field-error").forEach((el) => setText(el, ""));
    form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    setText(form.querySelector(".form-error"), "");
  }

  function fieldError(form, name, text) {
    const input = fields(form)[name === "replies_welcome" ? "welcome" : name];
    if (!input) return false;
    input.setAttribute("aria-invalid", "true");
    const el = $(input.id + "-error");
    if (el) setText(el, text);
    return true;
  }

  function renderWrite(mode, previous) {
    const text = WRITE[mode];
    const form = $("write-form");
    if (previous && previous.name === "list") listTheme = previous.theme || "";
    form.dataset.draft = mode;
    form.dataset.kind = text.kind;
    $("write-title").textContent = text.heading;
    document.title = `${text.heading} – Hulpmix forum`;
    $("write-intro").textContent = text.intro;
    $("write-body-label").textContent = text.bodyLabel;
    $("welcome-field").hidden = mode !== "story";
    form.querySelector(".send-button").textContent = text.send;
    form.querySelector(".send-button").dataset.label = text.send;
    fillThemeSelect(form);
    fillForm(form);
    showView("view-write");
    const seq = routeSeq;
    if (!themes.length) {
      loadThemes().then(() => {
        if (seq !== routeSeq) return;
        fillThemeSelect(form);
        fillForm(form);
      }).catch(() => null);
    }
    loadSchedule();
  }

  function fillThemeSelect(form) {
    const select = fields(form).theme;
    const keep = select.value;
    select.replaceChildren(new Option("Kies een thema", ""));
    themes.forEach((t) => select.append(new Option(t.label, t.key)));
    select.value = keep;
  }

  /** Client-side checks for what is plainly missing; the server checks everything. */
  function missing(form, kind) {
    const f = fields(form);
    const problems = [];
    if (kind !== "reply" && !f.theme.value) problems.push(["theme", "Kies een thema."]);
    if (kind !== "reply" && !f.title.value.trim()) {
      problems.push(["title", "Geef je bericht een titel."]);
    }
    if (!f.body.value.trim()) {
      problems.push(["body", kind === "reply" ? "Schrijf eerst je reactie." :
        kind === "story" ? "Schrijf eerst je verhaal." : "Schrijf eerst je bericht."]);
    }
    return problems;
  }

  function payload(form, kind) {
    const f = fields(form);
    const post = kind === "reply"
      ? { kind, body: f.body.value, parent_id: Number(form.dataset.parent) }
      : {
        kind, title: f.title.value, body: f.body.value, theme: f.theme.value,
        replies_welcome: kind === "story" ? f.welcome.checked : true,
      };
    // One id per text: sending the same text again (its answer was lost) is one post at
    // the server; a changed text is a new post.
    const draft = draftOf(form);
    const sig = JSON.stringify(post);
    if (!draft.clientId || draft.clientSig !== sig) {
      draft.clientId = newId();
      draft.clientSig = sig;
      save();
    }
    post.client_id = draft.clientId;
    return post;
  }

  function newId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function setSending(form, sending) {
    // Read-only while on its way, so nothing typed meanwhile is cleared with the sent text.
    form.querySelectorAll("input[type='text'], textarea").forEach((el) => {
      el.readOnly = sending;
    });
    const button = form.querySelector(".send-button");
    button.disabled = sending || waits.has(form);
    button.textContent = sending ? TEXT.sending : button.dataset.label;
    form.setAttribute("aria-busy", sending ? "true" : "false");
  }

  async function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const kind = form.dataset.kind;
    if (waits.has(form) || form.getAttribute("aria-busy") === "true") return;
    rememberDraft(form);
    clearErrors(form);
    const problems = missing(form, kind);
    if (problems.length) {
      problems.forEach(([name, text]) => fieldError(form, name, text));
      setText(form.querySelector(".form-error"), TEXT.check);
      fields(form)[problems[0][0]].focus();
      return;
    }
    const sentFrom = form.dataset.draft;
    setSending(form, true);
    let res;
    try {
      res = await api("POST", "/posts", payload(form, kind));
    } catch (e) {
      res = null;
    }
    setSending(form, false);
    // The youth may have moved on (another topic, the other form) while this was on its
    // way: the answer then only settles the draft; the form now shows another one.
    const moved = form.dataset.draft !== sentFrom;
    const error = form.querySelector(".form-error");
    if (moved) {
      if (res && res.status === 202) {
        delete store.drafts[sentFrom];
        if (kind !== "reply") store.sent = { kind, expectedBy: res.data.expected_by };
        save();
        if (kind !== "reply") location.hash = "#/verstuurd";
      }
      return; // a failure: the draft is kept, and shown again when the youth goes back
    }
    if (!res) {
      setText(error, TEXT.offline);
      offerRetry(form);
      return;
    }
    if (res.status === 202) {
      delete store.drafts[sentFrom];
      const when = whenText(res.data.expected_by);
      if (kind === "reply") {
        save();
        fillForm(form);
        $("reply-box").hidden = true;
        showSent($("reply-sent"), when, "Je reactie");
        $("reply-sent").hidden = false;
        $("reply-again").focus();
      } else {
        store.sent = { kind, when, expectedBy: res.data.expected_by };
        save();
        location.hash = "#/verstuurd";
      }
      return;
    }
    if (res.status === 413) {
      showTooLong(form, kind);
      return;
    }
    if (res.status === 422) {
      showInvalid(form, res.data);
      return;
    }
    if (res.status === 429) {
      startWait(form, res.retryAfter || 60);
      return;
    }
    setText(error, TEXT.server);
    offerRetry(form);
  }

  /** After a failure that was not the youth's: the send button says "try again". */
  function offerRetry(form) {
    form.querySelector(".send-button").textContent = TEXT.retry;
  }

  /** A 413: say which text is too long and by how much; the text stays in the form. */
  function showTooLong(form, kind) {
    const f = fields(form);
    const over = (input, max) => (input ? length(input.value) - max : 0);
    const titleOver = over(f.title, LIMITS.title);
    const bodyOver = over(f.body, LIMITS.body);
    const noun = kind === "reply" ? "Je reactie" : kind === "story" ? "Je verhaal" : "Je bericht";
    const shorter = (n) => `Maak het ${plural(n, "teken", "tekens")} korter.`;
    if (titleOver > 0) fieldError(form, "title", shorter(titleOver));
    if (bodyOver > 0) fieldError(form, "body", shorter(bodyOver));
    let text = TEXT.tooLong;
    if (titleOver > 0 && bodyOver <= 0) {
      text = `De titel is te lang: hoogstens ${LIMITS.title} tekens.`;
    } else if (bodyOver > 0 && titleOver <= 0) {
      text = `${noun} is te lang: hoogstens ${LIMITS.body} tekens.`;
    }
    setText(form.querySelector(".form-error"), `${text} ${TEXT.keptShorter}`);
  }

  /** A 422: say which field, in Dutch, at the field and above the button. */
  function showInvalid(form, data) {
    const named = (Array.isArray(data.fields) ? data.fields : [])
      .map((f) => String(f.field || "").split(".")[0])
      .filter((name, i, all) => name && all.indexOf(name) === i);
    named.forEach((name) => fieldError(form, name, `Controleer ${FIELD_NAMES[name] || name}.`));
    const error = form.querySelector(".form-error");
    if (named.includes("parent_id")) {
      setText(error, "Op dit onderwerp kun je nu niet reageren. Je tekst is bewaard.");
    } else if (named.length) {
      const names = named.map((n) => FIELD_NAMES[n] || n);
      const list = names.length === 1 ? names[0] :
        `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
      setText(error, `Controleer ${list}. Je tekst is bewaard.`);
    } else {
      setText(error, TEXT.check);
    }
  }

  /** A 429: wait the seconds the server named, counting down, then allow sending again. */
  function startWait(form, seconds) {
    const error = form.querySelector(".form-error");
    let left = Math.max(1, Math.ceil(seconds));
    const span = () => (left >= 120 ? `ongeveer ${plural(Math.ceil(left / 60), "minuut", "minuten")}` :
      plural(left, "seconde", "seconden"));
    const say = () => setText(error, "Je hebt net al een paar berichten verstuurd. Wacht " +
      `${span()} en verstuur het dan opnieuw. Je tekst is bewaard.`);
    say();
    clearInterval(waits.get(form));
    const timer = setInterval(() => {
      left -= 1;
      if (left > 0) { say(); return; }
      clearInterval(timer);
      waits.delete(form);
      setText(error, TEXT.canRetry);
      setSending(form, false);
    }, 1000);
    waits.set(form, timer);
    setSending(form, false);
  }

  function showSent(box, when, noun) {
    box.querySelector(".sent-read").textContent = TEXT.readFirst;
    box.querySelector(".sent-when").textContent = when ?
      `${noun} komt na de volgende leesronde online: ${when}.` :
      `${noun} komt na de volgende leesronde online.`;
  }

  function renderSent() {
    if (!store.sent) { location.replace("#/"); return; }
    $("sent-title").textContent = store.sent.kind === "story" ?
      "Bedankt, je verhaal is verstuurd" : "Bedankt, je onderwerp is verstuurd";
    document.title = "Verstuurd – Hulpmix forum";
    showSent($("view-sent").querySelector(".sent"),
      store.sent.expectedBy ? whenText(store.sent.expectedBy) : store.sent.when,
      store.sent.kind === "story" ? "Je verhaal" : "Je onderwerp");
    showView("view-sent");
  }

  // --- wiring --------------------------------------------------------------------------

  function wireForm(form) {
    form.addEventListener("submit", submit);
    form.addEventListener("input", () => {
      rememberDraft(form);
      updateCounters(form);
      if (form.getAttribute("aria-busy") !== "true") setSending(form, false);
    });
    form.addEventListener("change", () => rememberDraft(form));
    const send = form.querySelector(".send-button");
    if (!send.dataset.label) send.dataset.label = send.textContent;
  }

  function init() {
    load();
    wireForm($("write-form"));
    wireForm($("reply-form"));
    $("more-button").addEventListener("click", loadMore);
    $("list-retry-button").addEventListener("click", render);
    $("topic-retry-button").addEventListener("click", render);
    $("reply-again").addEventListener("click", () => {
      $("reply-sent").hidden = true;
      $("reply-box").hidden = false;
      $("reply-body").focus();
    });
    window.addEventListener("hashchange", render);
    render();
  }

  init();
})();
