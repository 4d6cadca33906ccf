"use strict";
// The facilitator's page: live counts, ranked ideas, the room, ratings; hide, close, export.
const BASE = window.location.pathname.replace(/\/$/, "");
let state = null;

document.getElementById("title").textContent = T.facilitator;
languageLink();

function table(headers, rows) {
  return el("table", {}, el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
            el("tbody", {}, rows.map((row) => el("tr", {}, row.map((cell) => el("td", {}, cell))))));
}

function render() {
  const app = document.getElementById("app");
  const join = el("section", {class: "card join"},
    el("img", {src: `${BASE}/qr.svg`, alt: CONFIG.join_url, width: 220, height: 220}),
    el("div", {}, el("p", {}, T.join_at), el("p", {class: "join-url", id: "join-url"}, CONFIG.join_url),
       el("p", {}, `${T.code}: `, el("strong", {id: "join-code"}, CONFIG.code))));
  if (!state) { app.replaceChildren(join); return; }
  const c = state.counts;
  const counts = el("section", {class: "counts", id: "counts"},
    [[T.joined, c.joined, "joined"], [T.ideas, c.ideas, "ideas"], [T.votes_given, c.votes, "votes"],
     [T.ratings_given, c.ratings, "ratings"]].map(([name, value, key]) =>
      el("div", {class: "count", "data-count": key}, el("span", {class: "value"}, value), el("span", {}, name))));
  const controls = el("section", {class: "controls"},
    el("p", {id: "status"}, state.open ? T.status_open : T.status_closed),
    el("button", {id: state.open ? "close" : "open", onclick: async () => {
      const answer = await send(`${BASE}/${state.open ? "close" : "open"}`);
      if (answer) { state = answer; render(); }
    }}, state.open ? T.close : T.open),
    el("a", {id: "export", href: `${BASE}/export.zip`, download: ""}, T.export));
  const ranking = el("section", {class: "card", id: "ranking"}, el("h2", {}, T.ranking),
    state.groups.length ? state.groups.map((group) => el("div", {class: "group"}, el("h3", {}, group.name),
      el("ol", {}, group.ideas.map((idea) => el("li", {class: idea.hidden ? "idea hidden" : "idea", "data-idea": idea.idea},
        el("span", {class: "idea-votes"}, idea.hidden ? T.hidden : T.votes.replace("{n}", idea.votes)),
        el("span", {class: "idea-text"}, idea.text),
        el("button", {class: idea.hidden ? "unhide" : "hide", onclick: async () => {
          const answer = await send(`${BASE}/${idea.hidden ? "unhide" : "hide"}`, {idea: idea.idea});
          if (answer) { state = answer; render(); }
        }}, idea.hidden ? T.unhide : T.hide))))))
      : el("p", {class: "note"}, T.no_ideas));
  const room = el("section", {class: "card", id: "room"}, el("h2", {}, T.room),
    el("h3", {}, T.by_type), table([T.group, T.people], state.room.actor_type.map((r) => [r.group, r.people])),
    el("h3", {}, T.by_sub_region), table([T.group, T.people], state.room.sub_region.map((r) => [r.group, r.people])),
    el("p", {class: "note"}, state.room_note));
  const ratings = el("section", {class: "card", id: "ratings"}, el("h2", {}, T.ratings),
    state.ratings.length ? table([T.action, T.raters, T.mean], state.ratings.map((r) => [r.action, r.raters, r.mean]))
                         : el("p", {class: "note"}, T.no_actions));
  app.replaceChildren(join, counts, controls, ranking, room, ratings);
}

async function refresh() {
  const next = await fetchState(`${BASE}/state`);
  if (!next) { say(T.network_error); return; }
  if (!state || next.last_event !== state.last_event || next.open !== state.open) { state = next; render(); }
  say("");
}

render();
refresh();
setInterval(refresh, 1000);
