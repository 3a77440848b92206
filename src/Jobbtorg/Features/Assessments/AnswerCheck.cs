using System.Globalization;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Assessments;

/// <summary>
/// Checks answers against the questions of the version they are given under: a choice is one of its options, a scale a
/// whole number within its bounds, free text not too long, an occupation an SSYK 2012 code of the catalogue (the
/// "1234 Name" form a list gives is taken too), an education level a SUN 2020 code, a language answer a known language
/// with a level. Unknown question keys are refused. Every error names the question by its text in the reader's language.
/// </summary>
public sealed class AnswerCheck(OccupationCatalogue occupations, EducationLevelCatalogue levels, LanguageCatalogue languages)
{
    /// <summary>The answers as they are stored (trimmed, empty ones left out, an occupation by its code), and the errors,
    /// each under <paramref name="prefix"/> and the question's key.</summary>
    public (Dictionary<string, string> Answers, FieldErrors Errors) Check(InstrumentDefinition definition,
        IReadOnlyDictionary<string, string?> answers, string prefix)
    {
        var culture = CultureInfo.CurrentUICulture;
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new FieldErrors();
        foreach (var (key, raw) in answers)
        {
            var question = definition.Find(key);
            if (question is null)
            {
                errors.Refuse(prefix + key, "'{0}' is not a question of this instrument version.", key);
                continue;
            }
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var (value, problem) = Answer(question, raw.Trim());
            if (problem is not null) errors.Refuse(prefix + key, "{0}: {1}", question.Text.In(culture), problem);
            else stored[key] = value!;
        }
        return (stored, errors);
    }

    /// <summary>The required questions without an answer, each under <paramref name="prefix"/> and its key.</summary>
    public static FieldErrors Missing(InstrumentDefinition definition, IReadOnlyDictionary<string, string> answers, string prefix)
    {
        var errors = new FieldErrors();
        foreach (var q in definition.Questions.Where(q => q.Required && !answers.ContainsKey(q.Key)))
            errors.Refuse(prefix + q.Key, "{0}: answer this question before signing.", q.Text.In(CultureInfo.CurrentUICulture));
        return errors;
    }

    /// <summary>One answer (not empty) against its question: the value to store, or why it is refused.</summary>
    public (string? Value, Message? Problem) Answer(Question question, string value)
    {
        switch (question.Type)
        {
            case AnswerType.Choice:
                return question.Options?.Any(o => o.Value == value) == true
                    ? (value, null) : (null, new Message("choose one of the options."));
            case AnswerType.Scale:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    return (null, new Message("enter a whole number."));
                if (n < (question.Min ?? int.MinValue) || n > (question.Max ?? int.MaxValue))
                    return (null, new Message("enter a number from {0} to {1}.", question.Min, question.Max));
                return (n.ToString(CultureInfo.InvariantCulture), null);
            case AnswerType.FreeText:
                var max = question.MaxLength ?? InstrumentDefinition.DefaultTextLength;
                return value.Length > max ? (null, new Message("the text may be at most {0} characters.", max)) : (value, null);
            case AnswerType.Occupation:
                return occupations.FromInput(value) is { } o
                    ? (o.Code, null) : (null, new Message("choose an occupation from the list (SSYK 2012 code and name)."));
            case AnswerType.EducationLevel:
                return levels.Find(value) is { } l ? (l.Code, null) : (null, new Message("choose an education level from the list (SUN 2020)."));
            case AnswerType.Language:
                var answer = LanguageAnswer.Parse(value);
                if (answer is null) return (null, new Message("give a language and a level (A1–C2 or native), e.g. sv:B1."));
                return languages.Find(answer.Language) is null
                    ? (null, new Message("'{0}' is not a known language code.", answer.Language))
                    : (answer.ToString(), null);
            default:
                return (null, new Message("this kind of answer is not known."));
        }
    }

    /// <summary>An answer as a reader sees it: a choice's text, an occupation's or education level's name, a language's name
    /// and level.</summary>
    public string Shown(Question? question, string? value, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(value) || question is null) return value ?? "";
        return question.Type switch
        {
            AnswerType.Choice => question.Options?.FirstOrDefault(o => o.Value == value)?.Text.In(culture) ?? value,
            AnswerType.Occupation => occupations.Find(value) is { } o ? $"{o.Code} {o.Name}" : value,
            AnswerType.EducationLevel => levels.Find(value) is { } l ? $"{l.Code} {l.Name}" : value,
            AnswerType.Language => LanguageAnswer.Parse(value) is { } a
                ? $"{languages.Find(a.Language)?.Name ?? a.Language}, {(a.Level == "Native" ? (culture.TwoLetterISOLanguageName == "en" ? "native" : "modersmål") : a.Level)}"
                : value,
            _ => value,
        };
    }
}
