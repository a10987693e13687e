/** Helpers that notebooks call, so that cells hold no logic tests cannot reach (design.md §2). */
export * from "./display";
export * from "./table";
export * from "./frame";
export * from "./showFigure";
export * from "./figureHtml";
export * from "./endpoint";
export * from "./study";
export * from "./analyze";
export * from "./recordRows";
export * from "./dataDir";
export * from "./barFigure";
export * from "./resultRows";
export * from "./runLock";
