/**
 * Minimal typings for the d3 submodules the plots use. The project has no @types/d3-* packages;
 * when they are added to devDependencies this file can be deleted.
 */
declare module 'd3-scale' {
  export interface ContinuousScale {
    (value: number): number;
    invert(value: number): number;
    domain(): number[];
    domain(domain: number[]): this;
    range(): number[];
    range(range: number[]): this;
    ticks(count?: number): number[];
    nice(count?: number): this;
    clamp(clamp: boolean): this;
    copy(): this;
  }
  export function scaleLinear(): ContinuousScale;
  export function scaleLog(): ContinuousScale;
}

declare module 'd3-contour' {
  export interface ContourMultiPolygon {
    type: 'MultiPolygon';
    value: number;
    coordinates: Array<Array<Array<[number, number]>>>;
  }
  export interface ContourGenerator {
    (values: ArrayLike<number>): ContourMultiPolygon[];
    size(size: [number, number]): this;
    thresholds(thresholds: number[] | number): this;
    smooth(smooth: boolean): this;
  }
  export function contours(): ContourGenerator;
}

declare module 'd3-color' {
  export interface RGBColor {
    r: number;
    g: number;
    b: number;
    opacity: number;
  }
  export function rgb(specifier: string): RGBColor;
}
