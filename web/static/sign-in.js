// Moves the sign-in token from the link's #fragment into the form, then drops it from the
// address bar so it is neither bookmarked nor shown over a shoulder.
document.addEventListener("DOMContentLoaded", function () {
  var token = decodeURIComponent(window.location.hash.slice(1));
  if (!token) return;
  document.getElementById("token").value = token;
  history.replaceState(null, "", window.location.pathname);
});
