using Jobbtorg.Data;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Cases;

/// <summary>Enrols a case with a coach of its centre (see <see cref="Case.Enrol"/>) and gives up its info-meeting seat or
/// place on the waiting list in the same transaction. The district is told of the enrolment (with the coach and how to
/// reach them) and, when a booked time is given up, of its cancellation. The caller chooses the coach among
/// <see cref="Caseloads"/>.</summary>
public sealed class EnrolCase(CaseChanges changes, JobbtorgDb db, TimeProvider clock, DistrictOutbox outbox)
{
    public Task<Case> HandleAsync(int caseId, DateOnly date, string coachId, CancellationToken ct = default) =>
        changes.ApplyAsync(caseId, async c =>
        {
            var coach = await db.Users.FirstOrDefaultAsync(u => u.Id == coachId, ct)
                        ?? throw new RuleBrokenException("Choose a coach at the case's job centre.");
            var today = clock.Today();
            // The age on the enrolment date fixes the reporting group.
            var age = PersonalNumber.Parse(c.Participant.PersonalNumber, today).AgeOn(date);
            c.Enrol(date, coach, age, today);
            outbox.Enrolled(c);
        }, givesUpSeat: true, ct);
}
