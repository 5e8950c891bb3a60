// A card's question or answer: cloze cards with the asked deletion hidden ("[…]" or its hint)
// on the front and highlighted on the back; other cards as question and answer.
import { clozeParts } from '../../../shared/study/cloze'
import type { StudyCard } from '../../../shared/study/types'

/** What a face shows of a card (a review's card, or a row of the card browser). */
export type CardFaceContent = Pick<StudyCard, 'front' | 'back' | 'clozeIndex'>

/** The answer in words, for a screen reader to announce when it is shown. */
export function answerText(card: CardFaceContent): string {
  if (card.clozeIndex === null) return `Answer: ${card.back}`
  const asked = clozeParts(card.front, card.clozeIndex)
    .filter((part) => part.kind === 'asked')
    .map((part) => part.text)
  return `Answer: ${asked.join(', ')}${card.back ? `. ${card.back}` : ''}`
}

export function CardFace({ card, revealed }: { card: CardFaceContent; revealed: boolean }) {
  if (card.clozeIndex !== null) {
    const parts = clozeParts(card.front, card.clozeIndex)
    return (
      <div>
        <p className="card-face" data-testid="card-front">
          {parts.map((part, index) =>
            part.kind === 'text' ? (
              <span key={index}>{part.text}</span>
            ) : revealed ? (
              <mark key={index} className="cloze-revealed">
                {part.text}
              </mark>
            ) : (
              <span key={index} className="cloze-hidden" aria-label={`hidden: ${part.placeholder}`}>
                {part.placeholder}
              </span>
            )
          )}
        </p>
        {revealed && card.back && (
          <p className="card-answer muted" data-testid="card-back">
            {card.back}
          </p>
        )}
      </div>
    )
  }
  return (
    <div>
      <p className="card-face" data-testid="card-front">
        {card.front}
      </p>
      {revealed && (
        <p className="card-face card-answer" data-testid="card-back">
          {card.back}
        </p>
      )}
    </div>
  )
}
