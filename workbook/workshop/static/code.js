"use strict";
document.getElementById("title").textContent = T.title;
languageLink();
document.getElementById("app").append(
  el("form", {method: "get", action: "/", class: "card"},
    el("label", {for: "code"}, T.code_prompt),
    el("input", {id: "code", name: "code", autocomplete: "off", autocapitalize: "characters", maxlength: 12, required: true}),
    el("input", {type: "hidden", name: "lang", value: CONFIG.lang || "fi"}),
    el("button", {type: "submit"}, T.code_go)));
