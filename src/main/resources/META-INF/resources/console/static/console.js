// Small helps for the console: bar widths, the error page's back link, drag and drop of workbooks onto the upload
// form, and the impact progress bar. The Content-Security-Policy allows no inline script or style, so they live here.
(function () {
  Array.prototype.forEach.call(document.querySelectorAll('[data-width]'), function (el) {
    el.style.width = el.dataset.width + '%';
  });

  var back = document.getElementById('error-back');
  if (back && window.history.length > 1) {
    back.addEventListener('click', function (e) { e.preventDefault(); window.history.back(); });
  }

  var zone = document.getElementById('drop-zone');
  var input = document.getElementById('files');
  var chosen = document.getElementById('chosen');
  if (zone && input) {
    var show = function () {
      chosen.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(', ');
    };
    input.addEventListener('change', show);
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        show();
      }
    });
  }

  var bar = document.getElementById('impact-progress');
  if (bar && bar.dataset.poll) {
    var poll = function () {
      fetch(bar.dataset.poll, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (job) {
          bar.setAttribute('aria-valuenow', job.percent);
          bar.firstElementChild.style.width = job.percent + '%';
          document.getElementById('impact-state').textContent = job.label;
          document.getElementById('impact-state').dataset.state = job.state;
          document.getElementById('impact-processed').textContent = job.processed;
          document.getElementById('impact-total').textContent = job.total;
          if (job.state === 'QUEUED' || job.state === 'RUNNING') {
            setTimeout(poll, 700);
          } else {
            window.location.reload();
          }
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 300);
  }
})();
