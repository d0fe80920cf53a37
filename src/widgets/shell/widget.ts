/**
 * The widget shell: state (one table) → controls, permalink and runs; events → family view, status, badge.
 * Everything user-visible comes from the serialized `widgets` strings; everything is inserted as text.
 * A failure anywhere here is caught and shown inside this widget only. Its parts: run control (run-control.ts),
 * the data-* results (host-data.ts), divergence (divergence.ts), `dp-run-end` (run-end.ts), the pre-rendered
 * result (prerendered-result.ts), links (link-state.ts, link-actions.ts).
 */
import type { EngineEvent, ProgressEvent } from '@engine/types';
import { buildControls, type ControlsHandle } from './controls';
import { presetState, type Speed } from './definition';
import { controlStatus } from './applicability';
import { element } from './dom';
import { Driver } from './driver';
import { startRun } from './start-run';
import { ErrorPanel } from './error-panel';
import type { FamilyView, ShellFamily } from './family';
import type { AnyState, StateValue } from './params';
import { controlKeys, encodeState, readHashLinks, type HashLink } from './permalink';
import { backendNotice, readBackendOverride, stateFromLink } from './link-state';
import { BackendBadge, StatusLine } from './status';
import { numberFormatter, probeWording, type WidgetStrings } from './text';
import { Toolbar } from './toolbar';
import { Visibility } from './visibility';
import type { RunSpec } from './run';
import { showTask } from './task';
import { isPresetRun, PrerenderedResult } from './prerendered-result';
import { DivergenceWatch } from './divergence';
import { HostData } from './host-data';
import { announceRunEnd } from './run-end';
import { RunControl } from './run-control';
import { copyLink, dropRunFlag, permalink, writePermalink } from './link-actions';
import { RenderQueue } from './render-queue';
import { engineErrorText } from './engine-errors';

export interface WidgetProps {
  id: string;
  preset: string;
  strings: WidgetStrings;
  locale: string;
  /** The Lab lets the reader switch presets; lessons keep the one they embed. */
  choosePreset: boolean;
}

export class Widget {
  private state: AnyState;
  private readonly view: FamilyView;
  private readonly runs: RunControl;
  private readonly toolbar: Toolbar;
  private readonly controls: ControlsHandle;
  private readonly status: StatusLine;
  private readonly badge: BackendBadge;
  private readonly errors: ErrorPanel;
  private readonly visibility: Visibility;
  private readonly reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  private readonly renders = new RenderQueue(() => {
    try {
      this.view.render();
    } catch (error) {
      this.fail(error);
    }
  }, this.reducedMotion);
  private divergence = new DivergenceWatch(0, false);
  /** Results and progress exposed on the host as data-* attributes. */
  private readonly data: HostData;
  /** The server-rendered result of this preset, shown until the reader runs or changes something. */
  private readonly prerendered: PrerenderedResult;
  private linkRun = false; // the page's link asks to start the run (`&run`), not yet done
  constructor(
    private readonly root: HTMLElement,
    private readonly family: ShellFamily,
    private readonly props: WidgetProps,
    /** The `<dp-widget>` element: state and results are exposed on it as data-* attributes. */
    private readonly host: HTMLElement,
  ) {
    const definition = family.definition;
    const format = numberFormatter(props.locale);
    const shellStrings = definition.probes ? probeWording(props.strings) : props.strings; // "Evaluate", not "Train"
    const concealed = definition.concealed !== undefined;
    this.badge = new BackendBadge(shellStrings, props.locale, concealed);
    this.data = new HostData(host);
    this.state = presetState(definition, props.preset);
    this.errors = new ErrorPanel(props.strings, () => this.restart(false));
    const link = readHashLinks(location.hash).get(props.id);
    const linkNotice = link === undefined ? null : this.applyPermalink(link);
    const { rejected } = readBackendOverride(location.search);
    const backendText = definition.usesEngine && rejected !== null ? backendNotice(props.strings, rejected) : null;
    const notices = [linkNotice, backendText].filter((text) => text !== null);
    if (notices.length > 0) this.errors.notice(notices.join(' '));
    this.toolbar = new Toolbar(shellStrings, definition.trains, {
      togglePlay: () => this.runs.toggle(() => this.restart(true)),
      step: () => this.runs.step(),
      reset: () => this.restart(false),
      defaults: () => this.restoreDefaults(),
      copyLink: () => void this.copyLink(),
    }, !definition.probes);
    const keys = controlKeys(definition, props.choosePreset, props.preset);
    // Hidden where the preset does not use it (the Lab switches presets in place), disabled with a reason where the state makes it moot.
    this.controls = buildControls(definition.table, keys, props.strings, format, (key, value) => this.change(key, value), (key, state) => controlStatus(definition, key, state));
    this.status = new StatusLine(shellStrings, format, props.locale, definition.usesEngine, concealed);
    const plotArea = element('div', { class: 'dp-plots' });
    const readout = element('p', { class: 'dp-readout', 'aria-live': 'polite' });
    const actions = element('div', { class: 'dp-actions' }); // live beside the pre-rendered result: buttons and forms that need no run
    this.view = family.createView({
      plotArea, readout, format,
      strings: props.strings, locale: props.locale,
      reducedMotion: this.reducedMotion,
      expose: (name, value) => this.data.expose(name, value),
      requestCheckpoint: (runIndex) => this.runs.current?.save(runIndex),
      actions,
      change: (key, value, play) => { this.change(key, value); if (play && !this.runs.playing) this.runs.play(); },
    });
    const header = element('div', { class: 'dp-header' });
    if (definition.trains) header.append(this.status.element);
    if (definition.usesEngine) header.append(this.badge.element);
    else if (definition.trains) this.badge.plain();
    this.prerendered = new PrerenderedResult(root, [plotArea, readout]);
    this.runs = new RunControl(host, this.toolbar, this.status, this.prerendered, () => (!this.data.hasProgress && definition.usesEngine ? 'loading' : 'running'));
    const result = this.prerendered.element;
    this.root.replaceChildren(this.toolbar.element, header, this.errors.element, ...(result ? [result] : []), plotArea, readout, actions, this.controls.element);
    if (!definition.liveAtMount && isPresetRun(definition, props.preset, this.state)) this.prerendered.keep();
    else this.prerendered.showLive();
    this.controls.set(this.state);
    this.visibility = new Visibility(this.host, (visible) => this.runs.visibility(visible));
    addEventListener('hashchange', this.onHashChange);
    this.restart(false);
    this.host.dataset.ready = 'true';
  }

  /** The preset's own settings again (speed and backend stay the reader's). */
  private restoreDefaults(): void {
    const preset = presetState(this.family.definition, String(this.state.preset ?? this.props.preset));
    this.state = { ...preset, speed: this.state.speed ?? 'normal', backend: this.state.backend ?? 'auto' };
    this.controls.set(this.state);
    this.writePermalink();
    this.restart(false);
  }

  /** Takes the state a link selects, or keeps the preset's; returns the notice to show when it was refused. */
  private applyPermalink(link: HashLink): string | null {
    const { state, notice, run } = stateFromLink(this.family.definition, this.props, link.payload, this.props.strings, numberFormatter(this.props.locale), link.flags);
    this.state = state;
    this.linkRun = run;
    if (notice !== null) this.host.dataset.permalink = notice === this.props.strings.errors.permalinkOlder ? 'older' : 'rejected';
    return notice;
  }

  private readonly onHashChange = () => {
    const link = readHashLinks(location.hash).get(this.props.id);
    if (link === undefined || (link.flags.length === 0 && link.payload === encodeState(this.family.definition, this.state))) return;
    this.errors.clear();
    const notice = this.applyPermalink(link);
    if (notice !== null) this.errors.notice(notice);
    this.prerendered.showLive();
    this.controls.set(this.state);
    this.restart(this.takeRunFlag());
  };

  /** Whether a link asked to start the run, once: the flag then leaves the page URL (an action, not state). */
  takeRunFlag(): boolean {
    const run = this.linkRun;
    this.linkRun = false;
    if (run) dropRunFlag(this.props.id);
    return run;
  }

  private change(key: string, value: StateValue): void {
    const wasPlaying = this.runs.playing;
    this.state = key === 'preset'
      ? { ...presetState(this.family.definition, String(value)), speed: this.state.speed ?? 'normal', backend: this.state.backend ?? 'auto' }
      : { ...this.state, [key]: value };
    // Every control again: a change may make another apply or not (0 hidden layers disables the width).
    this.controls.set(this.state);
    if (key !== 'speed' && key !== 'backend') this.prerendered.showLive();
    this.writePermalink();
    if (key === 'speed') {
      this.runs.current?.setSpeed(value as Speed);
      return;
    }
    this.restart(wasPlaying || this.family.definition.probes === true);
  }

  private writePermalink(): void {
    writePermalink(this.family.definition, this.props.id, this.state);
  }

  private async copyLink(): Promise<void> {
    const link = permalink(this.family.definition, this.props.id, this.state);
    this.host.dataset.permalinkUrl = link;
    await copyLink(link, this.toolbar.linkStatus, this.props.strings);
  }

  /** Tear down the current runs and build fresh ones for the current state. */
  private restart(play: boolean): void {
    this.runs.stop();
    this.divergence = new DivergenceWatch(0, false);
    this.status.clear();
    if (this.errors.element.dataset.kind === 'error') this.errors.clear();
    this.data.clear();
    try {
      this.view.reset(this.state);
      const plan = this.view.plan(this.state);
      showTask(this.host, plan, this.props.strings, this.props.locale);
      this.toolbar.showStepSize(plan.stepsPerEvent, this.props.locale);
      this.divergence = new DivergenceWatch(plan.runs.length, plan.divergenceEndsRun ?? false);
      this.runs.use(new Driver(plan, this.state.speed as Speed, (index, emit) => this.createRun(plan.runs[index], emit), {
        onEvent: (index, event) => this.onEvent(index, event),
        onFinished: () => this.finished(),
      }));
      this.renders.request();
      if (play) this.runs.play();
    } catch (error) {
      this.fail(error);
    }
  }

  private createRun(spec: RunSpec | undefined, emit: (event: EngineEvent) => void) {
    // `?backend=wasm` on the page URL overrides "auto" for every widget (handy for comparisons and tests).
    const override = readBackendOverride(location.search).backend;
    const backend = this.state.backend === 'auto' && override !== null ? override : String(this.state.backend);
    return startRun(spec, backend, emit);
  }

  /** Starts training (the reader pressed play before the widget had loaded, or a link asked for it). */
  start(): void {
    this.runs.play();
  }

  private finished(): void {
    this.runs.ended();
    if (this.allDiverged()) {
      this.showError(this.props.strings.errors.diverged, 'diverged');
      return;
    }
    const failed = this.host.dataset.state === 'failed';
    if (!failed) this.runs.setState('done');
    this.renders.request();
    if (!failed) this.announceRunEnd('done');
  }

  private announceRunEnd(outcome: 'done' | 'failed', reason?: string): void {
    announceRunEnd(this.host, this.props.id, this.family.definition, this.state, outcome, reason);
  }

  private onEvent(index: number, event: EngineEvent): void {
    try {
      this.view.onEvent(index, event);
      if (event.type === 'progress') this.onProgress(index, event);
      else if (event.type === 'backend') {
        this.badge.backend(event);
        this.host.dataset.backend = event.name;
      } else if (event.type === 'diverged') this.onDiverged(index, event.member);
      else if (event.type === 'error') this.showError(engineErrorText(this.props.strings, event));
      this.renders.request();
    } catch (error) {
      this.fail(error);
    }
  }

  private onProgress(index: number, event: ProgressEvent): void {
    this.divergence.progress(event.members.length);
    this.data.progress(index, event, event.members[0]?.trainLoss ?? Number.NaN);
    this.status.progress(index, event);
    this.badge.speed(event.backend, event.stepsPerSecond);
    if (this.runs.playing && this.host.dataset.state === 'loading') this.runs.setState('running');
    // The engine sends `diverged` before the progress event that tells how many members there are.
    if (this.allDiverged()) this.showError(this.props.strings.errors.diverged, 'diverged');
  }

  private onDiverged(index: number, member: number): void {
    this.divergence.member(index, member);
    if (this.allDiverged()) this.showError(this.props.strings.errors.diverged, 'diverged');
  }

  /** Every member of every run diverged (and divergence is not how this experiment is meant to end). */
  private allDiverged(): boolean {
    return this.host.dataset.state !== 'failed' && this.divergence.all;
  }

  private showError(text: string, reason = 'error'): void {
    const wasRunning = this.runs.stop();
    this.runs.ended();
    this.runs.setState('failed');
    this.errors.error(text);
    if (wasRunning) this.announceRunEnd('failed', reason);
  }

  private fail(error: unknown): void {
    console.warn('[widget]', this.props.id, error);
    this.showError(this.props.strings.errors.generic);
  }

  destroy(): void {
    this.runs.stop();
    this.visibility.destroy();
    this.view.destroy();
    removeEventListener('hashchange', this.onHashChange);
  }
}
