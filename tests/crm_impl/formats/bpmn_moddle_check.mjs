// Reads each BPMN file given with bpmn-moddle (bpmn.io's own parser) and prints one JSON line per
// file: its warnings, the flow nodes and sequence flows without a diagram shape or edge, and the
// lanes without a shape.  Exit status 1 if any file has one of those.
// Usage: NODE_PATH=<dir holding bpmn-moddle> node bpmn_moddle_check.mjs FILE...
import { createRequire } from 'module';
import { readFileSync } from 'fs';
import path from 'path';

const require = createRequire(path.join(process.env.NODE_PATH || process.cwd(), 'noop.js'));
const BpmnModdle = require('bpmn-moddle');
const moddle = new (BpmnModdle.default || BpmnModdle)();
let bad = 0;
for (const file of process.argv.slice(2)) {
  const { rootElement, warnings, elementsById } = await moddle.fromXML(readFileSync(file, 'utf8'));
  const shaped = new Set();
  for (const diagram of rootElement.diagrams) {
    for (const element of diagram.plane.planeElement || []) {
      if (element.bpmnElement) shaped.add(element.bpmnElement.id);
    }
  }
  const all = Object.values(elementsById);
  const missing = (predicate) => all.filter((e) => predicate(e) && !shaped.has(e.id)).map((e) => e.id);
  const result = {
    file: path.basename(file),
    warnings: warnings.map((w) => w.message),
    unshapedNodes: missing((e) => e.$instanceOf && e.$instanceOf('bpmn:FlowNode')),
    unshapedFlows: missing((e) => e.$type === 'bpmn:SequenceFlow'),
    unshapedLanes: missing((e) => e.$type === 'bpmn:Lane'),
    nodes: all.filter((e) => e.$instanceOf && e.$instanceOf('bpmn:FlowNode')).length,
  };
  if (result.warnings.length || result.unshapedNodes.length || result.unshapedFlows.length || result.unshapedLanes.length) bad++;
  console.log(JSON.stringify(result));
}
process.exit(bad ? 1 : 0);
