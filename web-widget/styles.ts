/**
 * The widget's stylesheet. It lives in the shadow root, so the shop's CSS cannot break it and it
 * cannot restyle the shop. The accent colour arrives as the `--sk-primary` custom property.
 */
export const WIDGET_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.root { position: fixed; bottom: 20px; z-index: 2147483000; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d2421; }
.root.bottom-right { right: 20px; }
.root.bottom-left { left: 20px; }
.launcher { position: relative; width: 58px; height: 58px; border-radius: 50%; border: none; cursor: pointer; background: var(--sk-primary); color: #fff; box-shadow: 0 6px 18px rgba(0,0,0,.25); display: grid; place-items: center; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px; background: #c62828; color: #fff; font-size: 12px; font-weight: 700; display: grid; place-items: center; }
.panel { position: absolute; bottom: 72px; width: min(380px, calc(100vw - 40px)); height: min(560px, calc(100vh - 120px)); display: flex; flex-direction: column; background: #fff; border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.28); overflow: hidden; }
.bottom-right .panel { right: 0; }
.bottom-left .panel { left: 0; }
.panel[hidden], .badge[hidden], .typing[hidden], .status[hidden] { display: none; }
header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: var(--sk-primary); color: #fff; }
header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.close { border: none; background: transparent; color: inherit; font-size: 24px; line-height: 1; width: 36px; height: 36px; border-radius: 8px; cursor: pointer; }
.status { padding: 6px 14px; font-size: 13px; background: #fff4d6; color: #5c4400; }
.log { flex: 1; margin: 0; padding: 14px; list-style: none; overflow-y: auto; display: flex; flex-direction: column; gap: 10px; background: #f6f7f6; }
.entry { display: flex; flex-direction: column; max-width: 85%; }
.entry.shopper { align-self: flex-end; align-items: flex-end; }
.bubble { margin: 0; padding: 8px 12px; border-radius: 14px; background: #fff; border: 1px solid #e2e5e3; white-space: pre-wrap; overflow-wrap: anywhere; }
.shopper .bubble { background: var(--sk-primary); border-color: transparent; color: #fff; }
.system .bubble { background: transparent; border: none; font-style: italic; color: #555; }
.who { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.delivery { font-size: 12px; color: #666; margin-top: 2px; display: flex; gap: 6px; align-items: center; }
.failed .delivery { color: #b00020; }
.pending .bubble { opacity: .7; }
.retry { border: 1px solid currentColor; background: #fff; color: #b00020; border-radius: 10px; padding: 1px 8px; font-size: 12px; cursor: pointer; }
.cards { list-style: none; margin: 6px 0 0; padding: 0; display: flex; gap: 8px; overflow-x: auto; max-width: 100%; }
.card { flex: 0 0 150px; background: #fff; border: 1px solid #e2e5e3; border-radius: 10px; padding: 8px; display: flex; flex-direction: column; gap: 4px; }
.card img { width: 100%; height: 90px; object-fit: cover; border-radius: 6px; background: #eef0ee; }
.card .name { font-weight: 600; font-size: 14px; overflow-wrap: anywhere; }
.card .price { color: #1d4d35; font-weight: 600; }
.card .reason { font-size: 12px; color: #555; }
.card a { color: var(--sk-primary); font-weight: 600; }
.coupon { margin-top: 6px; padding: 10px; border: 2px dashed var(--sk-primary); border-radius: 10px; background: #fffdf5; display: flex; flex-direction: column; gap: 4px; }
.coupon code { font-size: 16px; font-weight: 700; letter-spacing: .05em; }
.coupon button, .quick-replies button { align-self: flex-start; border: 1px solid var(--sk-primary); color: var(--sk-primary); background: #fff; border-radius: 16px; padding: 4px 12px; cursor: pointer; font: inherit; font-size: 14px; }
.typing { padding: 4px 14px; font-size: 13px; color: #555; background: #f6f7f6; }
.quick-replies { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 14px 0; background: #fff; }
.quick-replies:empty { display: none; }
form { display: flex; gap: 8px; padding: 10px 14px 14px; background: #fff; border-top: 1px solid #e2e5e3; }
textarea { flex: 1; resize: none; font: inherit; padding: 8px 10px; border: 1px solid #c4cac6; border-radius: 10px; max-height: 120px; }
.send { border: none; border-radius: 10px; padding: 0 16px; background: var(--sk-primary); color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .root { bottom: 12px; }
  .root.bottom-right { right: 12px; }
  .root.bottom-left { left: 12px; }
  .panel { position: fixed; inset: 0; width: 100vw; height: 100dvh; border-radius: 0; bottom: auto; }
  .open .launcher { display: none; }
}
@media (prefers-reduced-motion: no-preference) { .panel { animation: rise .15s ease-out; } @keyframes rise { from { transform: translateY(8px); opacity: 0; } } }
`;
