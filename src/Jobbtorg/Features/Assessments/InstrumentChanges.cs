namespace Jobbtorg.Features.Assessments;

/// <summary>What a new version changes against the current one: questions added, removed and changed (by key), and the
/// rules added and removed (a rule is the same when all of it is the same; a changed rule is one removed and one
/// added).</summary>
public sealed record InstrumentChanges(
    bool TitleChanged,
    IReadOnlyList<Question> Added,
    IReadOnlyList<Question> Removed,
    IReadOnlyList<(Question Before, Question After)> Changed,
    IReadOnlyList<SuggestionRule> RulesAdded,
    IReadOnlyList<SuggestionRule> RulesRemoved,
    bool OrderChanged)
{
    public bool None => !TitleChanged && Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && RulesAdded.Count == 0
                        && RulesRemoved.Count == 0 && !OrderChanged;

    public static InstrumentChanges Between(InstrumentDefinition before, InstrumentDefinition after)
    {
        var old = before.Questions.ToDictionary(q => q.Key);
        var now = after.Questions.ToDictionary(q => q.Key);
        var oldRules = before.Rules.Select(Json).ToList();
        var newRules = after.Rules.Select(Json).ToList();
        var kept = before.Questions.Where(q => now.ContainsKey(q.Key)).Select(q => q.Key).ToList();
        var keptAfter = after.Questions.Where(q => old.ContainsKey(q.Key)).Select(q => q.Key).ToList();
        return new InstrumentChanges(
            Json(before.Title) != Json(after.Title),
            after.Questions.Where(q => !old.ContainsKey(q.Key)).ToList(),
            before.Questions.Where(q => !now.ContainsKey(q.Key)).ToList(),
            after.Questions.Where(q => old.TryGetValue(q.Key, out var o) && Json(o) != Json(q)).Select(q => (old[q.Key], q)).ToList(),
            after.Rules.Where((r, i) => !oldRules.Contains(newRules[i])).ToList(),
            before.Rules.Where((r, i) => !newRules.Contains(oldRules[i])).ToList(),
            !kept.SequenceEqual(keptAfter));
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, InstrumentDefinition.Json);
}
