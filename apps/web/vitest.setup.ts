import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// jsdom has no modal dialogs; this is the part of showModal/close the Dialog component relies on.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}

// Lazy route chunks are transformed on first use; on a loaded CI machine that can exceed the
// default 1 s of findBy*/waitFor. Nothing here waits on real time otherwise.
configure({ asyncUtilTimeout: 5000 });
