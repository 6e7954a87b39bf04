// Stands in for react-devtools-core in the bundle: Ink connects to the devtools only when DEV=true.
export default {initialize() {}, connectToDevTools() {}};
