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
}
