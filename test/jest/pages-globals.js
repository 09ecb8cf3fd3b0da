// Globals Taro's H5 build defines at compile time (ENABLE_* true, DEPRECATED_ADAPTER_COMPONENT false).
process.env.TARO_ENV = 'h5'
globalThis.ENABLE_INNER_HTML = true
globalThis.ENABLE_ADJACENT_HTML = true
globalThis.ENABLE_SIZE_APIS = true
globalThis.ENABLE_TEMPLATE_CONTENT = true
globalThis.ENABLE_CLONE_NODE = true
globalThis.ENABLE_CONTAINS = true
globalThis.ENABLE_MUTATION_OBSERVER = true
globalThis.DEPRECATED_ADAPTER_COMPONENT = false
