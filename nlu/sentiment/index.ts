export { BilingualSentiment, loadLexicon } from './builtin';
export { SentimentModel, labelOf, NEUTRAL_BAND, NEGATIVE, POSITIVE, NEUTRAL, type SentimentTrainOptions } from './model';
export { crossValidateSentiment, crossDomainSentiment, trainWithNeutral, type LabelledSentence, type SentimentFigures } from './evaluate';
