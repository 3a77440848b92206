using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Cases;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.HasIndex(x => x.PersonalNumber).IsUnique();
        b.Property(x => x.PersonalNumber).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.ProtectedIdentityChangedBy).HasMaxLength(200);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.HasOne(x => x.Participant).WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.JobCentre).WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Coach).WithMany().HasForeignKey(x => x.CoachId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OpenParticipant).WithMany().HasForeignKey(x => x.OpenParticipantId).OnDelete(DeleteBehavior.Restrict);
        // At most one open case per person, and a district's own referral id at most once.
        b.HasIndex(x => x.OpenParticipantId).IsUnique();
        b.HasIndex(x => x.CaseRef).IsUnique();
        b.Property(x => x.CaseRef).HasMaxLength(100);
        b.Property(x => x.CoachRef).HasMaxLength(100);
        b.HasIndex(x => new { x.DistrictId, x.DistrictReferralId }).IsUnique();
        b.HasIndex(x => new { x.JobCentreId, x.Status });
        // A coach's open cases (start page), and their cases enrolled by a day: the attendance register of one's own cases
        // (start page, day view). Only the cases with a coach: most have none (imported ones keep the coach's name), and
        // SQLite's statistics count those as one more coach, so an index of all cases looked like half the cases a coach
        // and SQLite read every case instead (docs/benchmarks.md, "The start page on SQLite").
        b.HasIndex(x => new { x.CoachId, x.Status }).HasFilter("\"CoachId\" IS NOT NULL");
        b.HasIndex(x => new { x.CoachId, x.EnrolmentDate }).HasFilter("\"CoachId\" IS NOT NULL");
        // The case list shows the latest referrals first, a page at a time.
        b.HasIndex(x => new { x.ReferralDate, x.Id });
        // The indicator report selects a period's cases by these dates (Reports/Indicators.cs).
        b.HasIndex(x => x.EnrolmentDate);
        b.HasIndex(x => x.ClosureDate);
        b.HasIndex(x => x.EnrolmentAnniversary);
        b.HasIndex(x => x.FollowUpMonth);
        // The newly enrolled who paused before their plan deadline, whose deadlines the report works out from their
        // pauses: under one case in a hundred. On PostgreSQL the index holds all the report reads of them, so a period
        // of any length finds them without reading the table (0.35–0.45 → 0.03 s over ten years at 50 M events).
        b.HasIndex(x => x.EnrolmentDate, "IX_Cases_PausedBeforePlanDue")
            .HasFilter("\"FirstPauseOn\" <= \"FirstPlanDue\"")
            .IncludeProperties(x => new
            {
                x.FirstPauseOn, x.FirstPlanDue, x.FirstPlanAgreedOn, x.FirstAssessmentOn, x.ClosureDate, x.DistrictId, x.JobCentreId, x.Id,
            });
        // The start page counts the follow-up questions due at the caller's centres (FollowUp/FollowUpWorklist.cs): the
        // benefit checks without an answer, and the municipal jobs of the centres' enrolled cases. Small covering
        // indexes spare reading every case of the centre on each start page.
        b.HasIndex(x => new { x.JobCentreId, x.FollowUpMonth, x.ClosureReason })
            .HasFilter("\"FollowUpReceivesBenefit\" IS NULL AND \"ReceivesBenefit\" AND \"ClosureDate\" IS NOT NULL AND \"EnrolmentDate\" IS NOT NULL")
            .HasDatabaseName("IX_Cases_UnansweredBenefitChecks");
        b.HasIndex(x => new { x.JobCentreId, x.ParticipantId }).IncludeProperties(x => x.Id)
            .HasFilter("\"EnrolmentDate\" IS NOT NULL").HasDatabaseName("IX_Cases_EnrolledByCentre");
        b.Property(x => x.ReferralText).HasMaxLength(4000);
        b.Property(x => x.ReferredBy).HasMaxLength(200);
        b.Property(x => x.ClosedBy).HasMaxLength(200);
        b.Property(x => x.ClosureNote).HasMaxLength(2000);
        b.Property(x => x.DistrictReferralId).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Pauses).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Plans).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Journal).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Pauses).AutoInclude();
    }

    /// <summary>
    /// The indexes only PostgreSQL has. The report joins the rows it counts of other tables (the placements) to their
    /// cases by id, for the case's district or job centre, its person and its enrolment date: from a narrow index that
    /// holds them (45 MB at 1.5 million cases) each is looked up without reading the table, where joining to the table
    /// read all of it (0.6 → 0.4 s over ten years at 50 M events). On SQLite a case's id is its row's own key.
    /// </summary>
    public static void ConfigurePostgres(EntityTypeBuilder<Case> b) =>
        b.HasIndex(x => x.Id, "IX_Cases_ReportKeys")
            .IncludeProperties(x => new { x.EnrolmentDate, x.DistrictId, x.JobCentreId, x.ParticipantId });
}

internal sealed class CasePauseConfiguration : IEntityTypeConfiguration<CasePause>
{
    public void Configure(EntityTypeBuilder<CasePause> b) => b.Property(x => x.Note).HasMaxLength(1000);
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<JournalEntry>().WithMany().HasForeignKey(x => x.CorrectsEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InfoMeetingOutcomeConfiguration : IEntityTypeConfiguration<InfoMeetingOutcome>
{
    public void Configure(EntityTypeBuilder<InfoMeetingOutcome> b)
    {
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CaseId, x.Date });
    }
}
