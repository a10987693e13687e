// Types of notebooks/vag.cjs: the compiled library's declarations.
export * from "../dist/index";
