/** The exercise components a lesson's MDX may use without importing them (passed to `<Content components>`). */
import Exercise from './Exercise.astro';
import Feedback from './Feedback.astro';
import Option from './Option.astro';
import Options from './Options.astro';
import Solution from './Solution.astro';

export const exerciseComponents = { Exercise, Options, Option, Feedback, Solution };
