"use strict";
// Shared by the workshop's pages. Every text reaches the page through textContent only.
const CONFIG = JSON.parse(document.getElementById("config").textContent);
const T = CONFIG.texts;

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") element.className = value;
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (value === true) element.setAttribute(key, "");
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function xsrfToken() {
  const match = document.cookie.match(/(?:^|; )_xsrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : "";
}

function say(text) {
  const message = document.getElementById("message");
  message.textContent = text || "";
  message.hidden = !text;
}

async function send(url, data) {
  let response;
  try {
    response = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-XSRFToken": xsrfToken()},
      body: JSON.stringify(data || {}),
    });
  } catch (error) {
    say(T.network_error);
    return null;
  }
  const body = await response.json().catch(() => ({ok: false, message: T.bad_request}));
  say(body.ok ? "" : body.message);
  return body.ok ? body : null;
}

async function fetchState(url) {
  try {
    const response = await fetch(url, {credentials: "same-origin", cache: "no-store"});
    return response.ok ? await response.json() : null;
  } catch (error) {
    return null;
  }
}

function languageLink() {
  const link = document.getElementById("language");
  if (!link) return;
  link.textContent = T.language;
  const url = new URL(window.location.href);
  url.searchParams.set("lang", CONFIG.lang === "fi" ? "en" : "fi");
  link.href = url.pathname + url.search;
}

function focusAreaName(id) {
  const found = CONFIG.focus_areas.find((fa) => fa.id === id);
  return found ? found.name : id;
}
