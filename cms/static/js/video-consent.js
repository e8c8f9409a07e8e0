/* Two-click video: the player iframe is created only after the reader clicks.
   Without JavaScript the button stays hidden and the link to the host remains. */
(function () {
    "use strict";
    document.querySelectorAll(".video-consent[data-embed-url]").forEach(function (box) {
        var url = box.getAttribute("data-embed-url");
        var button = box.querySelector(".video-consent__button");
        if (!url || !button) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            var iframe = document.createElement("iframe");
            iframe.src = url;
            iframe.title = "Video: " + (box.getAttribute("data-title") || "");
            iframe.allow = "autoplay; fullscreen; picture-in-picture";
            iframe.setAttribute("allowfullscreen", "");
            iframe.referrerPolicy = "strict-origin-when-cross-origin";
            var placeholder = box.querySelector(".video-consent__placeholder");
            box.replaceChild(iframe, placeholder);
            iframe.focus();
        });
    });
})();
