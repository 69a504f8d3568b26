// WhichModel's page additions (no network, no external assets): a one-line purpose under the logo on
// the welcome screen, in the browser's language. Loaded by .chainlit/config.toml (custom_js).
(function () {
  "use strict";
  var zh = /^zh/i.test(navigator.language || "");
  var TAGLINE = zh
    ? "帮您选择合适的 AI 模型：用自己的话描述任务、预算和速度要求，得到推荐名单、每月成本和可转发的报告。"
    : "Find the right AI model for your task: describe what you need, your budget and speed, and get a shortlist, monthly costs and a report to forward.";

  function addTagline() {
    var logo = document.querySelector("img.logo");
    if (!logo || document.getElementById("wm-tagline")) return;
    var line = document.createElement("p");
    line.id = "wm-tagline";
    line.textContent = TAGLINE;
    logo.insertAdjacentElement("afterend", line);
  }

  new MutationObserver(addTagline).observe(document.documentElement, { childList: true, subtree: true });
  addTagline();
})();
