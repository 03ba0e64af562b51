import type { Notice } from '../../../shared/state/snapshot';

/** Notices for this run of the app (not persisted: a recovery notice belongs to the start that found it). */
export class NoticeService {
  private notices: Notice[];

  constructor(initial: readonly Notice[] = []) {
    this.notices = [...initial];
  }

  list(): Notice[] {
    return [...this.notices];
  }

  dismiss(id: string): boolean {
    const before = this.notices.length;
    this.notices = this.notices.filter((notice) => notice.id !== id);
    return this.notices.length !== before;
  }
}
