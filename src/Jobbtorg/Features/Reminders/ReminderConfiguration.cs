using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.Reminders;

internal sealed class ReminderConsentConfiguration : IEntityTypeConfiguration<ReminderConsent>
{
    public void Configure(EntityTypeBuilder<ReminderConsent> b)
    {
        b.HasIndex(x => new { x.CaseId, x.Id });
        b.Property(x => x.Phone).HasMaxLength(16);
        b.Property(x => x.Email).HasMaxLength(ReminderConsent.MaxEmailLength);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderMessageConfiguration : IEntityTypeConfiguration<ReminderMessage>
{
    public void Configure(EntityTypeBuilder<ReminderMessage> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => new { x.State, x.NextAttemptAt });
        b.HasIndex(x => new { x.CaseId, x.Id });
        b.Property(x => x.Key).HasMaxLength(120);
        b.Property(x => x.Subject).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(ReminderMessage.MaxBodyLength);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderRoundRunConfiguration : IEntityTypeConfiguration<ReminderRoundRun>
{
    public void Configure(EntityTypeBuilder<ReminderRoundRun> b) => b.HasIndex(x => x.Date).IsUnique();
}
