using Jobbtorg.Features.Access;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Data;

internal sealed class JobCentreConfiguration : IEntityTypeConfiguration<JobCentre>
{
    public void Configure(EntityTypeBuilder<JobCentre> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Address).HasMaxLength(200);
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasOne(x => x.AdultJobCentre).WithMany().HasForeignKey(x => x.AdultJobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.YouthJobCentre).WithMany().HasForeignKey(x => x.YouthJobCentreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DistrictQuotaConfiguration : IEntityTypeConfiguration<DistrictQuota>
{
    public void Configure(EntityTypeBuilder<DistrictQuota> b)
    {
        b.HasIndex(x => new { x.DistrictId, x.Kind }).IsUnique();
        b.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityTypeConfiguration : IEntityTypeConfiguration<ActivityType>
{
    public void Configure(EntityTypeBuilder<ActivityType> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.NameSv).HasMaxLength(120);
        b.Property(x => x.NameEn).HasMaxLength(120);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.HasIndex(x => x.OrganisationNumber).IsUnique();
        b.Property(x => x.Name).HasMaxLength(160);
        b.Property(x => x.OrganisationNumber).HasMaxLength(10);
    }
}

internal sealed class SpecialProgrammeConfiguration : IEntityTypeConfiguration<SpecialProgramme>
{
    public void Configure(EntityTypeBuilder<SpecialProgramme> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.AnnualCost).HasPrecision(14, 2);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.HasIndex(x => x.PersonalNumber).IsUnique();
        b.Property(x => x.PersonalNumber).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
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
        b.HasIndex(x => new { x.CoachId, x.Status });
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
}

internal sealed class InfoMeetingOutcomeConfiguration : IEntityTypeConfiguration<InfoMeetingOutcome>
{
    public void Configure(EntityTypeBuilder<InfoMeetingOutcome> b)
    {
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CaseId, x.Date });
    }
}

internal sealed class AttendanceDayConfiguration : IEntityTypeConfiguration<AttendanceDay>
{
    public void Configure(EntityTypeBuilder<AttendanceDay> b)
    {
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ActivityType>().WithMany().HasForeignKey(x => x.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
        // One registration per case, day and activity; imported whole-day rows (no activity) are not constrained by it.
        b.HasIndex(x => new { x.CaseId, x.Date, x.ActivityTypeId }).IsUnique();
        b.HasIndex(x => new { x.Date, x.ActivityTypeId });
        b.Property(x => x.RecordedById).HasMaxLength(450);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class AttendanceRoundRunConfiguration : IEntityTypeConfiguration<AttendanceRoundRun>
{
    public void Configure(EntityTypeBuilder<AttendanceRoundRun> b)
    {
        b.Property(x => x.Round).HasMaxLength(40);
        b.HasIndex(x => new { x.Round, x.Date }).IsUnique();
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> b)
    {
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.EmployerOrganisationNumber).HasMaxLength(10);
    }
}

internal sealed class BenefitMonthConfiguration : IEntityTypeConfiguration<BenefitMonth>
{
    public void Configure(EntityTypeBuilder<BenefitMonth> b)
    {
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ParticipantId, x.Month }).IsUnique();
    }
}

internal sealed class OccupationObservationConfiguration : IEntityTypeConfiguration<OccupationObservation>
{
    public void Configure(EntityTypeBuilder<OccupationObservation> b)
    {
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ParticipantId, x.Date }).IsUnique();
    }
}

internal sealed class CasePauseConfiguration : IEntityTypeConfiguration<CasePause>
{
    public void Configure(EntityTypeBuilder<CasePause> b) => b.Property(x => x.Note).HasMaxLength(1000);
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.HasIndex(x => new { x.CaseId, x.Number }).IsUnique();
        b.Property(x => x.GoalSsykCode).HasMaxLength(4);
        b.Property(x => x.GoalTitle).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.AgreementRecordedBy).HasMaxLength(200);
        b.HasMany(x => x.Activities).WithOne().HasForeignKey(x => x.PlanVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlannedActivityConfiguration : IEntityTypeConfiguration<PlannedActivity>
{
    public void Configure(EntityTypeBuilder<PlannedActivity> b)
    {
        b.HasOne(x => x.ActivityType).WithMany().HasForeignKey(x => x.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Provider).WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.HoursPerWeek).HasPrecision(4, 1);
        b.Property(x => x.Note).HasMaxLength(1000);
    }
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

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.EmployeeId).HasMaxLength(100);
        // Both providers let any number of rows leave a unique column empty.
        b.HasIndex(x => x.EmployeeId).IsUnique();
        b.HasOne<JobCentre>().WithMany().HasForeignKey(x => x.JobCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Provider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DistrictMessageConfiguration : IEntityTypeConfiguration<DistrictMessage>
{
    public void Configure(EntityTypeBuilder<DistrictMessage> b)
    {
        b.HasIndex(x => x.MessageId).IsUnique();
        b.HasIndex(x => new { x.State, x.NextAttemptAt });
        b.HasIndex(x => new { x.CaseId, x.Id });
        b.HasIndex(x => new { x.DistrictId, x.CreatedAt });
        b.Property(x => x.LastError).HasMaxLength(500);
        b.Property(x => x.ReadBy).HasMaxLength(200);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<District>().WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}
