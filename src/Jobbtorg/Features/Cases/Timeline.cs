using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

public sealed record TimelineEntry(DateOnly Date, string Text);

/// <summary>The case's whole history, newest first, built from what the case records.</summary>
public static class Timeline
{
    public static List<TimelineEntry> For(Case c, Texts t, bool includeJournal, IReadOnlyList<Placement>? placements = null)
    {
        var entries = new List<TimelineEntry>
        {
            new(c.ReferralDate, t.Format("Referred by {0} from {1} ({2}).", c.ReferredBy, c.District.Name, t.Enum(c.Channel))),
        };
        foreach (var consent in c.ConsentHistory)
            entries.Add(new(consent.Date, t.Format(consent.Given ? "Consent to information exchange given (recorded by {0})."
                : "Consent to information exchange withdrawn (recorded by {0}).", consent.RecordedBy)));
        if (c.EnrolmentDate is { } enrolled)
            entries.Add(new(enrolled, t.Format("Enrolled at {0}; coach {1}; reporting group {2}.", c.JobCentre.Name,
                c.Coach?.DisplayName ?? "–", t.Enum(c.ReportingGroup))));
        foreach (var plan in c.Plans)
        {
            entries.Add(new(DateOnly.FromDateTime(plan.CreatedAt.ToStockholm().DateTime),
                t.Format(plan.Number == 1 ? "Plan version {0} started by {1}." : "Review started: plan version {0} by {1}.", plan.Number, plan.CreatedBy)));
            if (plan is { Status: PlanStatus.Agreed, AgreedOn: { } agreed })
                entries.Add(new(agreed, t.Format("Plan version {0} agreed with the participant (goal: {1}).", plan.Number, plan.GoalTitle)));
        }
        foreach (var pause in c.Pauses)
        {
            entries.Add(new(pause.PausedOn, t.Format("Paused: {0}.", t.Enum(pause.Reason))));
            if (pause.ResumedOn is { } resumed && resumed != c.ClosureDate)
                entries.Add(new(resumed, t["Resumed."]));
        }
        foreach (var placement in placements ?? [])
        {
            var at = placement.EmployerName ?? placement.EmployerOrganisationNumber ?? "–";
            entries.Add(new(placement.StartDate, t.Format("Placement started: {0} at {1}.", t.Enum(placement.Kind), at)));
            if (placement.EndDate is { } ended) entries.Add(new(ended, t.Format("Placement ended: {0} at {1}.", t.Enum(placement.Kind), at)));
        }
        if (includeJournal)
            foreach (var note in c.Journal)
                entries.Add(new(note.EventDate, t.Format(note.CorrectsEntryId is null ? "Journal note by {0}." : "Correction of an earlier journal note by {0}.", note.AuthorName)));
        if (c.ClosureDate is { } closed)
            entries.Add(new(closed, t.Format("Closed: {0}{1}.", t.Enum(c.ClosureReason),
                c.ClosureSubReason is { } sub ? " – " + t.Enum(sub) : "")));
        return entries.OrderByDescending(e => e.Date).ToList();
    }
}
