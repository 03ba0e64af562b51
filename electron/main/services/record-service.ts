import type { JournalEvent, EventDraft } from '../../../shared/journal/events';
import { RecordFold, type FoldChange, type RecordState } from '../../../shared/journal/fold';
import type { TaskState } from '../../../shared/domain/status';
import { openJournal, type Journal, type JournalFinding, type JournalFs } from '../journal/journal';

/**
 * The practice's record on this PC: the journal on disk and its fold in memory.
 *
 * Every change is one appended, fsynced journal line first; only then is it folded into the state, so the state
 * never shows what the disk does not hold.
 */
export class RecordService {
  private readonly fold = new RecordFold();
  private readonly journal: Journal;
  readonly findings: readonly JournalFinding[];

  constructor(deps: { dir: string; installationId: string; osUser: string; clock: () => Date; fs?: JournalFs }) {
    const opened = openJournal({
      dir: deps.dir,
      installationId: deps.installationId,
      osUser: deps.osUser,
      clock: deps.clock,
      ...(deps.fs ? { fs: deps.fs } : {}),
      onEvent: (event) => this.fold.apply(event),
    });
    this.journal = opened.journal;
    this.findings = opened.findings;
  }

  get state(): RecordState {
    return this.fold.state;
  }

  get installationId(): string {
    return this.journal.installationId;
  }

  /** The file new events go to. */
  get file(): string {
    return this.journal.file;
  }

  taskState(taskId: string): TaskState {
    return this.fold.taskState(taskId);
  }

  /** Append one event (throws JournalWriteError when the disk refuses), then fold it. */
  append(draft: EventDraft): { event: JournalEvent; change: FoldChange } {
    // A break the disk refused to record at the start is recorded first, so it stays ahead of what follows.
    const deferred = this.journal.flushDeferred();
    if (deferred) this.fold.apply(deferred);
    const event = this.journal.append(draft);
    return { event, change: this.fold.apply(event) };
  }

  close(): void {
    this.journal.close();
  }
}
