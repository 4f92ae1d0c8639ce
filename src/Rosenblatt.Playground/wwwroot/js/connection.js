// The live connection to the server: commands out, data and frames in. The cookie set on the first visit carries the
// token; the server checks it, the Host and the Origin before accepting the socket.

export class Connection {
  constructor(handlers) {
    this.handlers = handlers;
    this.queue = [];
    this.open();
  }

  open() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.socket = new WebSocket(`${scheme}://${location.host}/api/train`);
    this.socket.addEventListener('open', () => {
      this.handlers.status?.('connected');
      for (const message of this.queue.splice(0)) this.socket.send(message);
    });
    this.socket.addEventListener('message', event => {
      const message = JSON.parse(event.data);
      this.handlers[message.type]?.(message);
    });
    this.socket.addEventListener('close', () => this.handlers.status?.('disconnected: reload the page (is the playground still running?)'));
  }

  send(message) {
    const text = JSON.stringify(message);
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
    else this.queue.push(text);
  }
}
