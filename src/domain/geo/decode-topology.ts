/**
 * Decodes the polygons of one TopoJSON object (quantized, delta-encoded arcs; spec:
 * github.com/topojson/topojson-specification) into plain rings of [lon, lat]. Enough of the format for the
 * boundary file in seeds/vn-admin-2025/boundaries: Polygon and MultiPolygon geometries only.
 */

/** [lon, lat] in degrees. */
export type Position = [number, number];
/** Outer ring first, then holes; each ring closed (first = last). */
export type PolygonRings = Position[][];

export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, { type: string; geometries: TopoGeometry[] }>;
}

export interface TopoGeometry {
  type: string;
  arcs?: number[][] | number[][][];
  properties?: Record<string, unknown>;
}

export interface DecodedFeature {
  properties: Record<string, unknown>;
  /** One entry per polygon part. */
  polygons: PolygonRings[];
}

function decodeArcs(topology: Topology): Position[][] {
  const { scale, translate } = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): Position => {
      if (topology.transform) {
        x += dx!;
        y += dy!;
        return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
      }
      return [dx!, dy!];
    });
  });
}

// A ring is a list of arc indices; a negative index ~i means arc i reversed. Shared points are not repeated.
function ringOf(arcs: Position[][], indices: number[]): Position[] {
  const ring: Position[] = [];
  for (const index of indices) {
    const points = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
    points.forEach((p, i) => (i > 0 || ring.length === 0) && ring.push(p));
  }
  return ring;
}

/** The features of `objectName`, in file order, with their properties and polygon rings. */
export function decodeTopology(topology: Topology, objectName: string): DecodedFeature[] {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`TopoJSON has no object "${objectName}"`);
  const arcs = decodeArcs(topology);
  return object.geometries.map((g) => {
    let polygons: PolygonRings[] = [];
    if (g.type === 'Polygon') polygons = [(g.arcs as number[][]).map((r) => ringOf(arcs, r))];
    else if (g.type === 'MultiPolygon')
      polygons = (g.arcs as number[][][]).map((p) => p.map((r) => ringOf(arcs, r)));
    else if (g.type !== null) throw new Error(`Unsupported TopoJSON geometry ${g.type}`);
    return { properties: g.properties ?? {}, polygons };
  });
}
