/*
 * caiokit-widget-redraw: a JupyterLab 4 extension of the CAIO course, written by hand (no build step).
 *
 * Why. A lesson is stored with the state of its tools, so that a learner sees them before running anything.
 * When the lesson opens, each widget output asks the widget manager for its model and, while the stored state
 * is still loading, polls for it every 100 ms for 2 s (ManagerBase.get_model in @jupyter-widgets/base-manager
 * 8.1). The poll tests the clock before it looks again for the model: when the page is busy for a while (the
 * first tools being drawn, their charts), the last outputs wake up after 2 s have passed and give up, showing
 * "Error displaying widget: model not found", although the model was loaded in the meantime.
 *
 * What. When an output shows that message and its model does exist, this extension draws the output again.
 * An output whose model really is missing keeps the message. Nothing else is changed.
 *
 * How it loads. JupyterLab loads a prebuilt extension as a module-federation container: this file sets
 * window._JUPYTERLAB["caiokit-widget-redraw"] to an object with init() and get("./extension"), and the module
 * it returns exports the plugin. The plugin needs no service from other extensions, so the container shares
 * no modules. It reads two private fields of @jupyter-widgets/jupyterlab-manager 5.0 (the renderer's
 * _manager): requirements.txt pins that version, and tests/browser/test_browser_lessons.py checks the result.
 */
(function () {
  "use strict";
  const NAME = "caiokit-widget-redraw";
  const VIEW = "application/vnd.jupyter.widget-view+json";
  const GAVE_UP = "Error displaying widget: model not found";

  /* The widget outputs of every open notebook: the renderer drawn for it, and the output's model. */
  function* widgetOutputs(app) {
    for (const panel of app.shell.widgets("main")) {
      const cells = panel.content && panel.content.widgets;
      if (!cells) continue;
      for (const cell of cells) {
        const area = cell.outputArea;
        if (!area) continue;
        const count = Math.min(area.widgets.length, area.model.length);
        for (let i = 0; i < count; i++) {
          const output = area.model.get(i);
          if (!(VIEW in output.data)) continue;
          for (const child of area.widgets[i].children()) {
            if (typeof child.renderModel === "function" && child._manager) yield { renderer: child, output };
          }
        }
      }
    }
  }

  async function redraw(app) {
    let redrawn = 0;
    for (const { renderer, output } of Array.from(widgetOutputs(app))) {
      if (renderer.node.textContent !== GAVE_UP) continue;
      const manager = await renderer._manager.promise;
      if (!manager.has_model(output.data[VIEW].model_id)) continue;
      renderer.removeClass("jupyter-widgets");
      await renderer.renderModel(output);
      redrawn++;
    }
    if (redrawn) console.info(`${NAME}: drew again ${redrawn} stored widget(s) the widget manager gave up on`);
  }

  /* True when a DOM change is a renderer writing the give-up message. */
  function givesUp(records) {
    return records.some((record) =>
      Array.from(record.addedNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.nodeValue === GAVE_UP)
    );
  }

  const plugin = {
    id: `${NAME}:plugin`,
    description: "Draws again the stored widgets of a notebook that the widget manager gave up on too early.",
    autoStart: true,
    activate(app) {
      let queued = false;
      const observer = new MutationObserver((records) => {
        if (queued || !givesUp(records)) return;
        queued = true;
        setTimeout(() => {
          queued = false;
          redraw(app).catch((error) => console.error(`${NAME}:`, error));
        }, 0);
      });
      observer.observe(document.body, { childList: true, subtree: true });
    },
  };

  const container = {
    init() {
      return Promise.resolve();
    },
    get(module) {
      if (module !== "./extension") return Promise.reject(new Error(`${NAME} has no module ${module}`));
      return Promise.resolve(() => ({ __esModule: true, default: plugin }));
    },
  };
  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB[NAME] = container;
})();
