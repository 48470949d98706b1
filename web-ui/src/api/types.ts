// Friendly names for the generated OpenAPI schemas (src/api/generated, from openapi/*.json).
import type { components as Packs } from './generated/packs';
import type { components as Models } from './generated/models';
import type { components as MarketData } from './generated/market-data';
import type { components as Sweeps } from './generated/sweeps';
import type { components as Training } from './generated/training';
import type { components as Alerts } from './generated/alerts';

export type PackSummary = Packs['schemas']['PackSummary'];
export type PackContent = Packs['schemas']['PackContent'];
export type PackVersionSummary = Packs['schemas']['PackVersionSummary'];
export type StrategyParameters = Packs['schemas']['StrategyParameters'];

export type ModelView = Models['schemas']['ModelView'];
export type ModelList = Models['schemas']['ModelList'];
export type CreateModelRequest = Models['schemas']['CreateModelRequest'];
export type CreateModelResponse = Models['schemas']['CreateModelResponse'];
export type PublicationView = Models['schemas']['PublicationView'];
export type PublicationList = Models['schemas']['PublicationList'];
export type PublishRequest = Models['schemas']['PublishRequest'];
export type PublishResponse = Models['schemas']['PublishResponse'];

export type SeriesView = MarketData['schemas']['SeriesView'];
export type ImportReport = MarketData['schemas']['ImportReport'];
export type ReplayView = MarketData['schemas']['ReplayView'];
export type StartReplay = MarketData['schemas']['StartReplay'];

export type SweepRequest = Sweeps['schemas']['SweepRequest'];
export type SweepCreated = Sweeps['schemas']['Created'];
export type Sweep = Sweeps['schemas']['Sweep'];
export type SweepList = Sweeps['schemas']['SweepList'];
export type SweepProgress = Sweeps['schemas']['Progress'];
export type Leaderboard = Sweeps['schemas']['Leaderboard'];
export type LeaderboardRow = Sweeps['schemas']['LeaderboardRow'];
export type SweepResult = Sweeps['schemas']['Result'];
export type TradeView = Sweeps['schemas']['TradeView'];
export type EquityPoint = Sweeps['schemas']['EquityPoint'];

export type TrainingJobRequest = Training['schemas']['TrainingJobRequest'];
export type TrainingCreated = Training['schemas']['Created'];
export type JobView = Training['schemas']['JobView'];
export type TrainingReport = Training['schemas']['TrainingReport'];
export type TrainedModels = Training['schemas']['TrainedModels'];
export type TrainedModelSummary = Training['schemas']['TrainedModelSummary'];
export type ClassificationMetrics = Training['schemas']['ClassificationMetrics'];

export type AlertPage = Alerts['schemas']['AlertPage'];
export type AlertView = Alerts['schemas']['AlertView'];
export type EvaluationPage = Alerts['schemas']['EvaluationPage'];
export type Evaluation = Alerts['schemas']['Evaluation'];
export type DestinationsView = Alerts['schemas']['DestinationsView'];

/** An RFC 9457 problem detail as the services write them (errors: field problems; pack uploads: file/line/column). */
export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

export interface FieldError {
  field?: string;
  message: string;
  valid_choices?: string[];
  file?: string;
  line?: number;
  column?: number;
}

export interface LoginResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
}
