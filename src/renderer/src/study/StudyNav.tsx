// The tabs shared by the study screens: review, the card browser and statistics.
export function StudyNav({ current }: { current: 'study' | 'cards' | 'stats' | null }) {
  const links: { id: 'study' | 'cards' | 'stats'; href: string; label: string }[] = [
    { id: 'study', href: '#/study', label: 'Review' },
    { id: 'cards', href: '#/cards', label: 'Cards' },
    { id: 'stats', href: '#/stats', label: 'Statistics' }
  ]
  return (
    <nav aria-label="Study">
      <ul className="study-subnav">
        {links.map((link) => (
          <li key={link.id}>
            <a href={link.href} aria-current={current === link.id ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
