import type { ClientToServerEvents, Platform, PlatformChangedEvent, ServerToClientEvents } from '@actionday/shared';
import { type ManagerOptions, type Socket, type SocketOptions, io } from 'socket.io-client';
import { epochMs } from '../lib/time.js';
import { ApiClient } from './http.js';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a screen looks at: an operation of the real server, or a bare socket.io server (null). */
export interface ScreenTarget {
  url: string;
  cookie: string | null;
  operationId: string | null;
}

/** The socket options of the real client (SocketProvider), with websocket straight away as a Node client has no polling to gain. */
const socketOptions: Partial<ManagerOptions & SocketOptions> = {
  transports: ['websocket'],
  reconnectionDelayMax: 10_000,
  forceNew: true,
};

/**
 * A screen on the board: connects with the session cookie, joins the
 * operation's room and counts what arrives. After a reconnect it does what
 * the board does (a recovered connection: nothing, the missed events are
 * replayed; otherwise join again, refetch the platform list and announcements)
 * and counts as back once it has done so and knows of the change it missed.
 * Against a bare socket.io server (no operation) it is back when the
 * server's `state` message carries the version it missed.
 */
export class Screen {
  readonly socket: AppSocket;
  /** When `platform:claimed` first arrived, per platform id (epoch ms). */
  readonly claimedSeenAt = new Map<string, number>();
  payloadBytes = 0;
  /** Set by `drop`: when it was dropped and what it must learn before it is back. */
  private droppedAt: number | null = null;
  private expectPlatformId: string | null = null;
  private expectVersion: number | null = null;
  private resynced = false;
  private version = 0;
  /** Epoch ms when it was back and consistent after the last drop. */
  backAt: number | null = null;
  refetchErrors = 0;
  private readonly api: ApiClient | null;
  private readonly joinedOnce: Promise<void>;

  constructor(private readonly target: ScreenTarget) {
    this.api = target.operationId ? new ApiClient(target.url, target.cookie, 2) : null;
    this.socket = io(target.url, {
      ...socketOptions,
      extraHeaders: target.cookie ? { cookie: target.cookie } : {},
    }) as AppSocket;
    this.socket.on('platform:claimed', (event: PlatformChangedEvent) => {
      const id = event.platform?.id;
      if (!id) return;
      if (!this.claimedSeenAt.has(id)) this.claimedSeenAt.set(id, epochMs());
      if (this.payloadBytes === 0) this.payloadBytes = Buffer.byteLength(JSON.stringify(event));
      this.checkBack();
    });
    (this.socket as unknown as Socket).on('state', (state: { version: number }) => {
      this.version = Math.max(this.version, state.version);
      if (this.droppedAt !== null) this.resynced = true;
      this.checkBack();
    });
    this.joinedOnce = new Promise((resolve, reject) => {
      const first = () => {
        this.join()
          .then(() => resolve())
          .catch(reject);
      };
      this.socket.once('connect', first);
      // a refused handshake is final; a transport error is retried by the manager
      this.socket.on('connect_error', (error) => {
        if (error.message.startsWith('auth.')) reject(error);
      });
    });
    this.socket.on('connect', () => {
      if (this.droppedAt === null || !this.target.operationId) return;
      // as the board does (OperationRoom): a recovered connection kept its rooms and gets what it missed
      // replayed, so there is nothing to join or refetch
      if (this.socket.recovered) {
        this.resynced = true;
        this.checkBack();
        return;
      }
      void this.resync();
    });
  }

  /** Connected and joined (the first time). */
  opened(timeoutMs: number): Promise<void> {
    return Promise.race([
      this.joinedOnce,
      new Promise<void>((_, reject) => setTimeout(() => reject(new Error('screen did not open in time')), timeoutMs)),
    ]);
  }

  private async join(): Promise<void> {
    const operationId = this.target.operationId;
    if (!operationId) return;
    const answer = await this.socket.timeout(30_000).emitWithAck('operation:join', { operationId });
    if (!answer.ok) throw new Error(`join refused: ${answer.error.code}`);
  }

  /** What the board does on every reconnect: join, then refetch what may have been missed. */
  private async resync(): Promise<void> {
    const operationId = this.target.operationId;
    if (!operationId || !this.api) return;
    try {
      await this.join();
      const [platforms, announcements] = await Promise.all([
        this.api.send<Platform[]>('GET', `/api/operations/${operationId}/platforms`, undefined, { timeoutMs: 60_000 }),
        this.api.send('GET', `/api/operations/${operationId}/announcements`, undefined, { timeoutMs: 60_000 }),
      ]);
      if (platforms.status !== 200 || announcements.status !== 200) {
        this.refetchErrors += 1;
        return;
      }
      for (const platform of platforms.body)
        if (platform.status === 'claimed' && !this.claimedSeenAt.has(platform.id))
          this.claimedSeenAt.set(platform.id, epochMs());
      this.resynced = true;
      this.checkBack();
    } catch {
      this.refetchErrors += 1;
    }
  }

  private checkBack(): void {
    if (this.droppedAt === null || this.backAt !== null || !this.resynced || !this.socket.connected) return;
    const knowsPlatform = this.expectPlatformId === null || this.claimedSeenAt.has(this.expectPlatformId);
    const knowsVersion = this.expectVersion === null || this.version >= this.expectVersion;
    if (knowsPlatform && knowsVersion) this.backAt = epochMs();
  }

  /** Drops the connection as a failing Wi-Fi does; the client reconnects by itself. */
  drop(expect: { platformId: string | null; version: number | null }): number {
    this.droppedAt = epochMs();
    this.backAt = null;
    this.resynced = false;
    this.expectPlatformId = expect.platformId;
    this.expectVersion = expect.version;
    this.socket.io.engine.close();
    return this.droppedAt;
  }

  /** ms from the drop until back and consistent, or null while not yet. */
  get backAfterMs(): number | null {
    return this.droppedAt !== null && this.backAt !== null ? this.backAt - this.droppedAt : null;
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.api?.close();
  }
}
