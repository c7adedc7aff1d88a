// The part of zca-js dunghan uses, as an interface the adapter is written against. Every member
// is taken from zca-js's own type definitions, and the real API is asserted to satisfy it below,
// so a zca-js upgrade that changes these signatures breaks the build, not production. Tests
// drive the adapter with a fake implementing the same interface: nothing contacts Zalo.
import type { EventEmitter } from 'node:events';
import type { Zca } from './zca.ts';

export type ZaloCredentials = Zca.Credentials;
export type ZaloMessage = Zca.Message;
export type LoginQREvent = Zca.LoginQRCallbackEvent;

type ZcaListener = Zca.API['listener'];
/** zca-js's listener, for reading its event types (a declaration only: nothing at run time). */
declare const zcaListener: ZcaListener;
/** The arguments zca-js passes to listeners of event K (its event map is not exported). */
type ArgsOf<K extends string> = Parameters<Parameters<typeof zcaListener.on<K>>[1]>;

/** The events dunghan listens to, with their arguments as zca-js declares them. */
export interface ZaloListenerEvents {
  connected: ArgsOf<'connected'>;
  disconnected: ArgsOf<'disconnected'>;
  closed: ArgsOf<'closed'>;
  error: ArgsOf<'error'>;
  message: ArgsOf<'message'>;
}

type On<K extends keyof ZaloListenerEvents> = (event: K, listener: (...args: ZaloListenerEvents[K]) => void) => unknown;

export interface ZaloListener {
  /** One overload per event (what zca-js's generic EventEmitter signature is checked against). */
  on: On<'connected'> & On<'disconnected'> & On<'closed'> & On<'error'> & On<'message'>;
  start: ZcaListener['start'];
  stop: ZcaListener['stop'];
}

/** What the adapter needs from a logged-in zca-js session. */
export interface ZaloApi {
  sendMessage: Zca.API['sendMessage'];
  getOwnId: Zca.API['getOwnId'];
  getCookie: Zca.API['getCookie'];
  listener: ZaloListener;
}

/** Logging in: the real one wraps zca-js's Zalo class; tests pass a fake. */
export interface ZaloLogin {
  login(credentials: ZaloCredentials): Promise<ZaloApi>;
  loginQR(options: Parameters<Zca.Zalo['loginQR']>[0], callback: Zca.LoginQRCallback): Promise<ZaloApi>;
}

// Compile-time checks: zca-js's real API and login fit the interfaces above.
type Assert<T extends true> = T;
export type RealApiFits = Assert<Zca.API extends ZaloApi ? true : false>;
export type RealLoginFits = Assert<Zca.Zalo extends ZaloLogin ? true : false>;
