namespace Jobbtorg.Features.Assessments;

/// <summary>The two shared instruments (domain.md, process step 4): a quick initial assessment at or soon after the
/// referral, and an in-depth one when the initial finds the person only partly or not available.</summary>
public enum Instrument { Initial, InDepth }

/// <summary>Whether the person stands at the labour market's disposal (<i>står till arbetsmarknadens förfogande</i>).</summary>
public enum Availability { Available, PartlyAvailable, NotAvailable }

/// <summary>The support the person needs, the same four levels as NAV's <i>innsatsgrupper</i>, from least to most.</summary>
public enum NeedCategory { Standard, Situational, SpeciallyAdapted, LongTermAdapted }

/// <summary>A draft is filled and saved as one goes; a signed assessment is never changed again.</summary>
public enum AssessmentStatus { Draft, Signed }

/// <summary>How a question is answered. Choice: one of its options; Scale: a whole number within its bounds; FreeText: the
/// person's own words; Occupation: an SSYK 2012 code; EducationLevel: a SUN 2020 level; Language: a language with a
/// level (<see cref="LanguageAnswer"/>).</summary>
public enum AnswerType { Choice, Scale, FreeText, Occupation, EducationLevel, Language }
