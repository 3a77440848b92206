using System.Globalization;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Attendance;

/// <summary>Checks a whole posted form before anything is stored: every row must be a required day the user may register,
/// and an excused absence needs its reason.</summary>
public static class AttendanceForm
{
    /// <summary>The entries to store, or none and <paramref name="refused"/> naming each bad row's field.</summary>
    public static List<AttendanceEntry> Check(IList<AttendanceRow> rows, IReadOnlyList<AttendanceSlot> slots, out FieldErrors refused)
    {
        refused = new FieldErrors();
        var allowed = slots.Select(s => (s.Case.Id, s.Date, s.ActivityType.Id)).ToHashSet();
        var seen = new HashSet<(int, DateOnly, int)>();
        var entries = new List<AttendanceEntry>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var key = (row.CaseId, row.Date, row.ActivityTypeId);
            if (!allowed.Contains(key))
            {
                refused.Add($"Rows[{i}].Status", new Message("The participant has no required attendance for this activity on that day, or you may not register it."));
                continue;
            }
            if (!seen.Add(key))
            {
                refused.Add($"Rows[{i}].Status", new Message("The same day is given twice in the form."));
                continue;
            }
            if (row.Status is not { } status) continue;
            if (status == AttendanceStatus.ExcusedAbsence && row.Reason is null)
            {
                refused.Add($"Rows[{i}].Reason", new Message("Choose the reason for the excused absence."));
                continue;
            }
            // A reason left chosen while another answer was picked is dropped rather than refused.
            entries.Add(new AttendanceEntry(row.CaseId, row.Date, row.ActivityTypeId, status, status == AttendanceStatus.ExcusedAbsence ? row.Reason : null));
        }
        return refused.Count == 0 ? entries : [];
    }

    /// <summary>The rows to show: the posted values after a refused save, else the stored registration, else (when asked)
    /// present as a starting point.</summary>
    public static List<AttendanceRowView> Rows(IReadOnlyList<AttendanceSlot> slots, IList<AttendanceRow>? posted, bool allPresent, Func<Case, string> name)
    {
        var postedByKey = (posted ?? []).GroupBy(r => (r.CaseId, r.Date, r.ActivityTypeId)).ToDictionary(g => g.Key, g => g.First());
        return slots.Select((s, i) =>
        {
            var input = postedByKey.GetValueOrDefault((s.Case.Id, s.Date, s.ActivityType.Id)) ?? new AttendanceRow
            {
                CaseId = s.Case.Id, Date = s.Date, ActivityTypeId = s.ActivityType.Id,
                Status = s.Status ?? (allPresent ? AttendanceStatus.Present : null),
                Reason = s.Registration?.Reason,
            };
            return new AttendanceRowView(i, s, input, name(s.Case));
        }).ToList();
    }

    public static string NameOf(Case c, Texts texts) => c.Participant.ProtectedIdentity ? texts["Protected identity"] : c.Participant.DisplayName;

    /// <summary>
    /// The names a group is shown with, by case: where two people in the group share a name, each gets their birth year
    /// ("Abdi Ali (f. 1985)"). A person with protected identity is never told apart by anything that identifies them.
    /// </summary>
    public static Dictionary<int, string> Names(IEnumerable<Case> cases, Texts texts)
    {
        var people = cases.DistinctBy(c => c.Id).ToList();
        var repeated = people.Where(c => !c.Participant.ProtectedIdentity)
            .GroupBy(c => NameOf(c, texts), StringComparer.Create(CultureInfo.CurrentCulture, true))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g).Select(c => c.Id).ToHashSet();
        return people.ToDictionary(c => c.Id,
            c => repeated.Contains(c.Id) ? texts.Format("{0} (b. {1})", NameOf(c, texts), BirthYear(c.Participant)) : NameOf(c, texts));
    }

    /// <summary>The birth year from the personal identity number (a co-ordination number keeps the year as it is).</summary>
    public static string BirthYear(Participant p) => p.ErasedOn is not null ? Participant.ErasedText : p.PersonalNumber[..4];

    /// <summary>
    /// What a save did, for the message after it: how many registrations changed, and to which district each newly
    /// unexcused absence was reported and for whom. Staff are also told when a message went without details because the
    /// person has not consented; a provider's staff, who do not see the case, are not.
    /// </summary>
    public static string SavedMessage(AttendanceSaved saved, IReadOnlyDictionary<int, string> names, Texts texts, bool tellConsent)
    {
        var sentences = new List<string> { texts.Count(saved.Changed, "Attendance saved: {0} registrations new or changed.") };
        foreach (var group in saved.Reported
                     .GroupBy(s => (s.Case.District.Name, WithoutDetails: tellConsent && !s.Case.ConsentGiven))
                     .OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.WithoutDetails))
        {
            var who = List(group.Select(s => names.GetValueOrDefault(s.Case.Id) ?? NameOf(s.Case, texts)).Distinct().ToList(), texts);
            sentences.Add(group.Key.WithoutDetails
                ? texts.Format("Unexcused absence for {0} was reported to {1}, without details since there is no consent to exchange information.", who, group.Key.Name)
                : texts.Format("Unexcused absence for {0} was reported to {1}.", who, group.Key.Name));
        }
        return string.Join(" ", sentences);
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    private static string List(IReadOnlyList<string> items, Texts texts) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => texts.Format("{0} and {1}", string.Join(", ", items.Take(items.Count - 1)), items[^1]),
    };
}
