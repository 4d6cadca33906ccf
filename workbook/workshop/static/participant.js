"use strict";
// The participant's page: join, propose ideas, dot-vote, rate draft actions.
const BASE = `/j/${CONFIG.code}`;
let state = null;
let tab = "ideas";
let chosenActor = null;

document.getElementById("title").textContent = T.title;
languageLink();

function render() {
  const app = document.getElementById("app");
  app.replaceChildren(state && state.joined ? mainView() : joinView());
}

function joinView() {
  const results = el("ul", {class: "choices", id: "actor-results"});
  const search = el("input", {type: "search", id: "actor-search", placeholder: T.join_search, autocomplete: "off",
                              oninput: () => listActors(search.value, results)});
  const typeSelect = el("select", {id: "actor-type"},
    CONFIG.actor_types.map((t) => el("option", {value: t.id}, t.name)));
  const municipalitySelect = el("select", {id: "municipality"},
    el("option", {value: ""}, T.join_municipality_none),
    CONFIG.municipalities.map((m) => el("option", {value: m}, m)));
  const unlisted = el("div", {id: "unlisted", hidden: true},
    el("label", {for: "actor-type"}, T.join_type), typeSelect,
    el("label", {for: "municipality"}, T.join_municipality), municipalitySelect);
  const notListed = el("label", {class: "check"},
    el("input", {type: "checkbox", id: "not-listed", onchange: (event) => {
      unlisted.hidden = !event.target.checked;
      chosenActor = null;
      listActors(search.value, results);
    }}), T.join_not_listed);
  const join = el("button", {id: "join", onclick: async () => {
    const data = document.getElementById("not-listed").checked
      ? {actor_type: typeSelect.value, municipality: municipalitySelect.value || null}
      : (chosenActor ? {actor_id: chosenActor} : null);
    if (!data) { say(T.join_search); return; }
    const answer = await send(`${BASE}/join`, data);
    if (answer) { state = answer; render(); }
  }}, T.join_button);
  listActors("", results);
  return el("section", {class: "card"}, el("h2", {}, T.join_heading), search, results, notListed, unlisted, join,
            el("p", {class: "note"}, T.join_privacy));
}

function listActors(query, list) {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = CONFIG.actors.filter((a) => {
    const text = `${a.name} ${a.municipality}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  }).slice(0, 8);
  list.replaceChildren(...matches.map((a) => el("li", {},
    el("button", {class: a.id === chosenActor ? "choice chosen" : "choice", "data-actor": a.id, onclick: () => {
      chosenActor = a.id;
      document.getElementById("not-listed").checked = false;
      document.getElementById("unlisted").hidden = true;
      listActors(query, list);
    }}, el("strong", {}, a.name), el("span", {}, `${a.type}${a.municipality ? ", " + a.municipality : ""}`)))));
}

function mainView() {
  const tabs = el("nav", {class: "tabs"},
    ["ideas", "new", "rate"].map((name) => el("button", {class: tab === name ? "tab active" : "tab", "data-tab": name,
      onclick: () => { tab = name; render(); }}, T[`tab_${name}`])));
  const banner = state.open ? el("p", {class: "votes-left", id: "votes-left"}, T.votes_left.replace("{n}", state.votes_left))
                            : el("p", {class: "closed", id: "closed"}, T.closed_banner);
  const body = tab === "ideas" ? ideasView() : tab === "new" ? newIdeaView() : rateView();
  return el("div", {}, tabs, banner, body);
}

function ideasView() {
  if (!state.ideas.length) return el("p", {class: "note"}, T.no_ideas);
  const ideas = [...state.ideas].reverse();
  return el("ul", {class: "ideas", id: "ideas"}, ideas.map((idea) => el("li", {class: "idea", "data-idea": idea.number},
    el("p", {class: "idea-text"}, idea.text),
    el("p", {class: "idea-focus"}, idea.focus_areas.map(focusAreaName).join(", ")),
    state.open
      ? el("button", {class: idea.voted ? "vote voted" : "vote", onclick: async () => {
          const answer = await send(`${BASE}/${idea.voted ? "unvote" : "vote"}`, {idea: idea.number});
          if (answer) { state = answer; render(); }
        }}, idea.voted ? T.unvote : T.vote)
      : el("p", {class: "idea-votes"}, T.votes.replace("{n}", idea.votes)))));
}

function newIdeaView() {
  const text = el("textarea", {id: "idea-text", maxlength: 500, rows: 4});
  const boxes = CONFIG.focus_areas.map((fa) => el("label", {class: "check"},
    el("input", {type: "checkbox", value: fa.id, class: "idea-focus-area"}), fa.name));
  const sendButton = el("button", {id: "send-idea", disabled: !state.open, onclick: async () => {
    const focusAreas = boxes.map((box) => box.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
    const answer = await send(`${BASE}/idea`, {text: text.value, focus_areas: focusAreas});
    if (answer) { state = answer; tab = "ideas"; render(); say(T.idea_sent); }
  }}, T.idea_send);
  return el("section", {class: "card"}, el("label", {for: "idea-text"}, T.idea_text), text,
            el("fieldset", {}, el("legend", {}, T.idea_focus), boxes), sendButton);
}

function rateView() {
  if (!CONFIG.actions.length) return el("p", {class: "note"}, T.no_actions);
  return el("section", {class: "card"}, el("p", {class: "note"}, T.rate_scale),
    el("ul", {class: "actions", id: "actions"}, CONFIG.actions.map((action) => el("li", {"data-action": action.id},
      el("p", {}, action.title),
      el("div", {class: "scale"}, CONFIG.scale.map((value) => el("button", {
        class: state.ratings[action.id] === value ? "rating chosen" : "rating", disabled: !state.open,
        "aria-label": `${action.title}: ${value}`,
        onclick: async () => {
          const answer = await send(`${BASE}/rate`, {action: action.id, value});
          if (answer) { state = answer; render(); }
        }}, value)))))));
}

async function refresh() {
  const typing = document.activeElement && ["TEXTAREA", "INPUT", "SELECT"].includes(document.activeElement.tagName);
  const next = await fetchState(`${BASE}/state`);
  if (!next) return;
  const changed = JSON.stringify(next) !== JSON.stringify(state);
  state = next;
  if (changed && !typing) render();
}

refresh().then(render);
setInterval(refresh, 3000);
