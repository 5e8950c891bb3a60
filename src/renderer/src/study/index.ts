// What other features mount from the study feature.
export { DocumentStudyLinks } from './DocumentStudyLinks'
export { GenerateCardsButton } from './GenerateCardsButton'
export { MakeCardDialog, type MakeCardDialogProps } from './MakeCardDialog'
export { Modal } from './Modal'
export { StudyLink } from './StudyLink'
export { StudyScreens } from './StudyScreens'
export { isStudyRoute, parseStudyRoute, type StudyRoute } from './routes'
