// The chat page's client code: plain browser JavaScript on top of the official Socket.IO client (global `io`).
(function () {
  'use strict';

  var socket = io('/test');
  var log = document.getElementById('log');
  var pingStartedAt = 0;
  var latencies = [];
  var pingTimer = null;

  function $(id) {
    return document.getElementById(id);
  }

  function append(text) {
    var line = document.createElement('div');
    line.textContent = text;
    log.insertBefore(line, log.firstChild);
  }

  function setStatus(text) {
    $('status').textContent = text;
    $('transport').textContent = socket.io.engine ? socket.io.engine.transport.name : '-';
  }

  socket.on('connect', function () {
    setStatus('connected');
    socket.io.engine.on('upgrade', function () {
      setStatus('connected');
    });
  });
  socket.on('disconnect', function (reason) {
    setStatus('disconnected (' + reason + ')');
    append('Disconnected: ' + reason);
  });

  // Every `my response` lands in the log. `disconnect_request` asks for an ack before the server disconnects us,
  // so answer it when one is asked for.
  socket.on('my response', function (msg, ack) {
    append('Received #' + msg.count + ': ' + msg.data);
    if (typeof ack === 'function') ack();
  });
  socket.on('my error', function (err) {
    append('Error in "' + err.event + '": ' + err.message);
  });

  // One `my ping` a second; the average round trip over the last 30 pongs is shown.
  pingTimer = setInterval(function () {
    if (!socket.connected) return;
    pingStartedAt = performance.now();
    socket.emit('my ping');
  }, 1000);
  socket.on('my pong', function () {
    latencies.push(performance.now() - pingStartedAt);
    if (latencies.length > 30) latencies.shift();
    var sum = latencies.reduce(function (a, b) {
      return a + b;
    }, 0);
    $('ping-pong').textContent = (Math.round((10 * sum) / latencies.length) / 10).toFixed(1);
  });

  function onSubmit(formId, send) {
    $(formId).addEventListener('submit', function (event) {
      event.preventDefault();
      send();
    });
  }

  onSubmit('emit', function () {
    socket.emit('my event', { data: $('emit_data').value });
  });
  onSubmit('broadcast', function () {
    socket.emit('my broadcast event', { data: $('broadcast_data').value });
  });
  onSubmit('join', function () {
    socket.emit('join', { room: $('join_room').value });
  });
  onSubmit('leave', function () {
    socket.emit('leave', { room: $('leave_room').value });
  });
  onSubmit('send_room', function () {
    socket.emit('my_room_event', { room: $('room_name').value, data: $('room_data').value });
  });
  onSubmit('close', function () {
    socket.emit('close_room', { room: $('close_room').value });
  });
  onSubmit('disconnect', function () {
    socket.emit('disconnect_request');
  });

  window.addEventListener('pagehide', function () {
    clearInterval(pingTimer);
  });
})();
