// The intent plugin declares no events of its own. Its LLM budget alert moved to core with the
// LLM service: listen for `llm.budget_exceeded` (once per hotel and month, all plugins' calls).
export {};
