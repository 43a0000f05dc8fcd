/**
 * Type declarations for the parts of NLP.js the plugin uses (the packages ship none).
 */
declare module '@nlpjs/neural' {
  export interface NeuralNetworkSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean;
  }
  export interface TrainingItem {
    input: Record<string, number>;
    output: Record<string, number>;
  }
  export interface TrainingStatus {
    error: number;
    deltaError: number;
    iterations: number;
  }
  export class NeuralNetwork {
    constructor(settings?: NeuralNetworkSettings);
    train(corpus: TrainingItem[]): TrainingStatus;
    /** Output activation per intent; undefined before training. */
    run(input: Record<string, number>): Record<string, number> | undefined;
  }
}

declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stem(tokens: string[]): string[];
  }
}

declare module '@nlpjs/lang-es' {
  export class StemmerEs {
    stem(tokens: string[]): string[];
  }
}

declare module '@nlpjs/lang-fr' {
  export class StemmerFr {
    stem(tokens: string[]): string[];
  }
}

declare module '@nlpjs/lang-pt' {
  export class StemmerPt {
    stem(tokens: string[]): string[];
  }
}

declare module '@nlpjs/lang-de' {
  export class StemmerDe {
    stem(tokens: string[]): string[];
  }
}

declare module '@nlpjs/lang-it' {
  export class StemmerIt {
    stem(tokens: string[]): string[];
  }
}

declare module '@nlpjs/lang-ar' {
  export class StemmerAr {
    stem(tokens: string[]): string[];
  }
}
